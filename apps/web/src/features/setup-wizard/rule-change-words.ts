// One sentence on what a change of rules would do to an existing bucket, from the shared loss
// checks: what it takes away, or that nothing is lost.
import {
  corsLosses,
  describeCorsRule,
  describeLifecycleRules,
  lifecycleLosses,
  type CorsRule,
  type LifecycleRule,
} from '@b2wiz/shared';

/** "If you choose this, older versions …": the first loss goes on the sentence's start. */
const ifChosen = (losses: string[]) => {
  const text = losses.join(' ');
  return `If you choose this, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
};

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((line, i) => line === b[i]);

export function lifecycleChangeSentence(
  today: readonly LifecycleRule[],
  proposed: readonly LifecycleRule[],
): string {
  if (same(describeLifecycleRules(today), describeLifecycleRules(proposed))) {
    return 'This is what the bucket does today, so nothing would change.';
  }
  const losses = lifecycleLosses(today, proposed);
  if (losses.length === 0) {
    return 'If you choose this, nothing the bucket keeps today is deleted sooner.';
  }
  return ifChosen(losses);
}

export function corsChangeSentence(
  today: readonly CorsRule[],
  proposed: readonly CorsRule[],
): string {
  if (same(today.map(describeCorsRule), proposed.map(describeCorsRule))) {
    return 'This is what the bucket allows today, so nothing would change.';
  }
  const losses = corsLosses(today, proposed);
  if (losses.length === 0) {
    return 'If you choose this, every web page that can use the bucket today still can.';
  }
  return ifChosen(losses);
}
