// The other buckets a new key may reach besides the setup's own (docs/b2-behaviour.md "Keys for
// several buckets"). The list's own rules; that each is a bucket of the account is checked by the
// API, which can see the account.

/**
 * The wizard's own limit, not B2's (Backblaze names none): a key for more buckets than this is
 * better split into keys per tool.
 */
export const MAX_EXTRA_BUCKETS = 20;

const FIELD = 'key.extraBucketIds';
const EXAMPLE_ID = '4a48fe8875c6214145260818';

/** A bucket ID is letters and digits, such as B2's 24 hex digits; a name has '-' or is short. */
export function bucketIdProblem(id: string): string | null {
  if (/^[A-Za-z0-9]{1,64}$/.test(id)) return null;
  return `${FIELD}: “${id}” is not a bucket ID. A bucket ID has only letters and digits, like ${EXAMPLE_ID}: copy it from the bucket list, not the bucket’s name.`;
}

/** Every problem of the list, each at its place in it. */
export function extraBucketIdsProblems(
  ids: readonly string[],
): { path: number[]; message: string }[] {
  const problems: { path: number[]; message: string }[] = [];
  if (ids.length > MAX_EXTRA_BUCKETS) {
    problems.push({
      path: [],
      message: `${FIELD} can list at most ${MAX_EXTRA_BUCKETS} other buckets. Remove ${ids.length - MAX_EXTRA_BUCKETS}, or make another key for the rest.`,
    });
  }
  ids.forEach((id, index) => {
    const shape = bucketIdProblem(id);
    if (shape) problems.push({ path: [index], message: shape });
    else if (ids.indexOf(id) !== index) {
      problems.push({
        path: [index],
        message: `${FIELD} lists the bucket ID “${id}” twice. List each bucket once.`,
      });
    }
  });
  return problems;
}

export const EXTRA_BUCKETS_TEXT = {
  needsRestriction: `${FIELD} is only for a key limited to buckets: turn key.restrictToBucket back on, or leave ${FIELD} out.`,
  ownBucket: `${FIELD} lists the setup’s own bucket, which the key always reaches. Remove it from ${FIELD}.`,
} as const;
