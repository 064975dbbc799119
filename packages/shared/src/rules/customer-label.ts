// The optional "Customer or ticket" label: its rule, and the bucket and key names it proposes,
// kept within B2's naming rules (docs/b2-behaviour.md "Buckets" and "Application keys").
import { hasControlCharacter } from './control-characters';
import { KEY_NAME_MAX, defaultKeyName } from './key-name';

export const CUSTOMER_MAX = 80;
/** Proposed bucket names stay within 50 characters, B2's old limit, so every account takes them. */
export const PROPOSED_BUCKET_NAME_MAX = 50;

/** What is wrong with a customer label, or null. Any letters are fine; line breaks are not. */
export function customerProblem(label: string): string | null {
  if ([...label].length > CUSTOMER_MAX) {
    return `Customer or ticket can have at most ${CUSTOMER_MAX} characters. Remove ${[...label].length - CUSTOMER_MAX}.`;
  }
  if (hasControlCharacter(label)) {
    return 'Customer or ticket can’t hold line breaks, tabs or other hidden characters.';
  }
  return null;
}

/**
 * The label as name material: lower case, accents dropped, every run of other characters one
 * '-'. Letters B2 names cannot hold (like 日本) are left out; '' when nothing is left.
 */
export function customerSlug(label: string | undefined | null): string {
  if (!label) return '';
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const trimDashes = (s: string) => s.replace(/^-+|-+$/g, '');

/**
 * The bucket name to propose: the customer first, then the tool's usual name (`base`, from
 * proposedBucketName), cut to fit. B2 keeps names that start with "b2-" for itself.
 */
export function customerBucketName(base: string, label: string | undefined | null): string {
  const slug = customerSlug(label);
  const room = PROPOSED_BUCKET_NAME_MAX - base.length - 1;
  if (!slug || room < 3) return base;
  const name = `${trimDashes(slug.slice(0, room))}-${base}`;
  return name.startsWith('b2-') ? `b2${name.slice(3)}` : name;
}

/**
 * The key name to propose: the tool and bucket (defaultKeyName), with the customer in front when
 * the bucket's name does not already carry it (an existing bucket).
 */
export function customerKeyName(
  target: string,
  bucketName: string,
  label: string | undefined | null,
): string {
  const plain = defaultKeyName(target, bucketName);
  const slug = customerSlug(label);
  if (!slug || bucketName.toLowerCase().startsWith(`${slug}-`) || bucketName === slug) return plain;
  const room = KEY_NAME_MAX - plain.length - 1;
  if (room < 3) return plain;
  return `${trimDashes(slug.slice(0, room))}-${plain}`;
}
