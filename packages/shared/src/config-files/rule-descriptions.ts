// Lifecycle and CORS rules in plain words, for the summary file and the review step.
import type { CorsRuleInput } from '../rules/cors-rules';
import type { LifecycleRuleInput } from '../rules/lifecycle-rules';
import { markdownCode } from './config-quoting';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

function wholeBucketDeleteRule(rules: readonly LifecycleRuleInput[]): number | null {
  if (rules.length !== 1) return null;
  const rule = rules[0]!;
  const cancel = rule.daysFromStartingToCancelingUnfinishedLargeFiles;
  return rule.fileNamePrefix === '' &&
    rule.daysFromUploadingToHiding === null &&
    (cancel === null || cancel === undefined)
    ? rule.daysFromHidingToDeleting
    : null;
}

/** The dashboard's "Keep only the last version of the file". */
export function isKeepLatest(rules: readonly LifecycleRuleInput[]): boolean {
  return wholeBucketDeleteRule(rules) === 1;
}

/** One line per rule, or one line naming the dashboard choice the rules match. */
export function describeLifecycleRules(rules: readonly LifecycleRuleInput[]): string[] {
  if (rules.length === 0) {
    return [
      'Keep all versions of the file: every version is kept, and billed, until you delete it.',
    ];
  }
  const deleteAfter = wholeBucketDeleteRule(rules);
  if (deleteAfter === 1) {
    return [
      'Keep only the last version of the file: older versions are deleted about a day after a newer one replaces them.',
    ];
  }
  if (deleteAfter !== null) {
    return [
      `Keep prior versions for ${days(deleteAfter)}: replaced or deleted files can be recovered for ${days(deleteAfter)}, then they are removed.`,
    ];
  }
  return rules.map((rule) => {
    const scope =
      rule.fileNamePrefix === ''
        ? 'All files'
        : `Files whose names start with ${markdownCode(rule.fileNamePrefix)}`;
    const parts: string[] = [];
    if (rule.daysFromUploadingToHiding != null)
      parts.push(`hidden ${days(rule.daysFromUploadingToHiding)} after upload`);
    if (rule.daysFromHidingToDeleting != null)
      parts.push(`deleted ${days(rule.daysFromHidingToDeleting)} after being hidden or replaced`);
    if (rule.daysFromStartingToCancelingUnfinishedLargeFiles != null)
      parts.push(
        `unfinished large uploads cancelled after ${days(rule.daysFromStartingToCancelingUnfinishedLargeFiles)}`,
      );
    return `${scope}: ${parts.length > 0 ? parts.join('; ') : 'no action'}.`;
  });
}

const codeList = (items: readonly string[]) => items.map(markdownCode).join(', ');

/** One line for a CORS rule, with every value in a code span. */
export function describeCorsRule(rule: CorsRuleInput): string {
  const parts = [
    `origins ${codeList(rule.allowedOrigins)}`,
    `operations ${codeList(rule.allowedOperations)}`,
  ];
  if (rule.allowedHeaders?.length) parts.push(`allowed headers ${codeList(rule.allowedHeaders)}`);
  if (rule.exposeHeaders?.length) parts.push(`exposed headers ${codeList(rule.exposeHeaders)}`);
  parts.push(`browsers may reuse the answer for ${rule.maxAgeSeconds} seconds`);
  return `${markdownCode(rule.corsRuleName)}: ${parts.join('; ')}.`;
}
