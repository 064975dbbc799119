// What a change of lifecycle or CORS rules takes away (docs/b2-behaviour.md "Buckets, lifecycle
// and CORS"). Each loss is said in plain words, with B2's numbers.
import type { CorsRule, LifecycleRule } from '../schemas/setup-request';

type Days = number | null | undefined;

/** The rule that governs a file name: B2's prefixes never overlap, so at most one matches. */
function ruleFor(rules: readonly LifecycleRule[], name: string): LifecycleRule | undefined {
  return rules.find((r) => name.startsWith(r.fileNamePrefix));
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const whose = (prefix: string) =>
  prefix === '' ? 'files' : `files whose names start with “${prefix}”`;

/** A smaller (or newly set) day count means something goes sooner than today. */
const sooner = (today: Days, after: Days): after is number =>
  typeof after === 'number' && (typeof today !== 'number' || after < today);

/**
 * Every way the proposed lifecycle rules keep less than today's, one sentence each (empty when
 * nothing kept today is lost). The names compared are each rule's prefix, and the empty name:
 * every file name is governed exactly like one of them.
 */
export function lifecycleLosses(
  today: readonly LifecycleRule[],
  proposed: readonly LifecycleRule[],
): string[] {
  const prefixes = [...today, ...proposed].map((r) => r.fileNamePrefix);
  const names = [...new Set(['', ...prefixes])].sort();
  const losses: string[] = [];
  for (const name of names) {
    const now = ruleFor(today, name);
    const next = ruleFor(proposed, name);
    if (!next) continue;
    const what = whose(name);
    const hideNow = now?.daysFromUploadingToHiding;
    const deleteNow = now?.daysFromHidingToDeleting;
    const hideNext = next.daysFromUploadingToHiding;
    const deleteNext = next.daysFromHidingToDeleting;
    if (sooner(deleteNow, deleteNext)) {
      losses.push(
        `Older versions of ${what} will be deleted ${days(deleteNext)} after they are replaced or hidden (today: ${typeof deleteNow === 'number' ? `after ${days(deleteNow)}` : 'kept for good'}).`,
      );
    }
    if (sooner(hideNow, hideNext)) {
      losses.push(
        `${what[0]!.toUpperCase()}${what.slice(1)} will be hidden ${days(hideNext)} after upload (today: ${typeof hideNow === 'number' ? `after ${days(hideNow)}` : 'never hidden'}).`,
      );
    }
  }
  return [...new Set(losses)];
}

/** Whether a rule lets a page from `origin` make this call. */
function allows(rule: CorsRule, origin: string, operation: string): boolean {
  if (!rule.allowedOperations.includes(operation)) return false;
  return rule.allowedOrigins.some(
    (o) =>
      o === origin ||
      o === '*' ||
      (o === 'https' && origin.startsWith('https')) ||
      (o.includes('*') && new RegExp(`^${o.split('*').map(escape).join('.*')}$`).test(origin)),
  );
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every (origin, operation) pair today's CORS rules allow that the proposed ones do not, grouped
 * by origin in one sentence each. Rules are compared by what they allow, not by name.
 */
export function corsLosses(today: readonly CorsRule[], proposed: readonly CorsRule[]): string[] {
  const lost = new Map<string, Set<string>>();
  for (const rule of today) {
    for (const origin of rule.allowedOrigins) {
      for (const operation of rule.allowedOperations) {
        if (proposed.some((r) => allows(r, origin, operation))) continue;
        lost.set(origin, (lost.get(origin) ?? new Set()).add(operation));
      }
    }
  }
  return [...lost].map(([origin, operations]) => {
    const who = origin === '*' ? 'Web pages on any site' : `Web pages on ${origin}`;
    return `${who} will no longer be allowed to call ${[...operations].join(', ')} on this bucket from a browser.`;
  });
}
