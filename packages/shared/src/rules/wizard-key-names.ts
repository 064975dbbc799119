// How to tell the wizard's keys by name, and the name of a replacement key. B2 keys carry no
// tags, so the name is the only mark a key keeps (docs/b2-behaviour.md "Application keys").
import { TARGETS } from '../schemas/target-values';
import { KEY_NAME_MAX } from './key-name';

/**
 * The names the wizard proposes (customerKeyName, from defaultKeyName): an optional customer
 * part, a tool's id, then the bucket's name; "wizard-key" when nothing usable was left. A
 * replacement adds "-replaced-<date>", which the same pattern still covers.
 */
export const WIZARD_KEY_NAME_PATTERN = new RegExp(
  `^(?:[a-z0-9][a-z0-9-]*-)?(?:${TARGETS.join('|')})-[a-z0-9-]*[a-z0-9]$|^wizard-key$`,
  'i',
);

/** The name looks like one the wizard proposed: a guess, since anyone may type such a name. */
export function looksMadeByWizard(keyName: string): boolean {
  return WIZARD_KEY_NAME_PATTERN.test(keyName);
}

const REPLACED = /-replaced-\d{8}$/;

/**
 * The new key's name when `keyName` is replaced on the day of `now` (UTC): the old name with
 * "-replaced-YYYYMMDD" in place of any earlier such ending, cut to B2's 100 characters.
 */
export function replacementKeyName(keyName: string, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
  const ending = `-replaced-${day}`;
  const base = keyName
    .replace(REPLACED, '')
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, KEY_NAME_MAX - ending.length)
    .replace(/^-+|-+$/g, '');
  return `${base || 'wizard-key'}${ending}`;
}
