// B2's bucket-name rules (docs/b2-behaviour.md "Buckets, lifecycle and CORS"), written once for
// the web form and the API.

export const BUCKET_NAME_MIN = 6;
export const BUCKET_NAME_MAX = 63;
export const MAX_BUCKETS_PER_ACCOUNT = 100;

/** The first thing wrong with a bucket name, in plain words with the fix; null when B2 accepts it. */
export function bucketNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a bucket name.';
  if (/\s/.test(name)) return "Bucket names can't contain spaces. Use '-' instead.";
  if (name.includes('_')) return "Bucket names can't contain '_'. Use '-' instead.";
  if (name.includes('.')) return "Bucket names can't contain '.'. Use '-' instead.";
  const other = [...name].find((ch) => !/[A-Za-z0-9-]/.test(ch));
  if (other !== undefined) {
    return `Bucket names can only use letters a-z, digits and '-'. Remove '${other}'.`;
  }
  // Before the length checks: adding characters can never fix a reserved start.
  if (name.toLowerCase().startsWith('b2-')) {
    return "Bucket names can't start with 'b2-': Backblaze keeps those. Choose another start.";
  }
  if (name.length < BUCKET_NAME_MIN) {
    return `Bucket names need at least ${BUCKET_NAME_MIN} characters. Add ${BUCKET_NAME_MIN - name.length} more.`;
  }
  if (name.length > BUCKET_NAME_MAX) {
    return `Bucket names can have at most ${BUCKET_NAME_MAX} characters. Remove ${name.length - BUCKET_NAME_MAX}.`;
  }
  return null;
}

/** B2 bucket names are unique regardless of case. */
export function sameBucketName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A free-looking variant of a taken name: the name with a short suffix, kept within B2's rules. */
export function suggestBucketName(taken: string, suffix: string): string {
  const clean =
    suffix
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 8) || '1';
  let base = taken.slice(0, BUCKET_NAME_MAX - clean.length - 1).replace(/-+$/, '');
  // A 63-character name that already ends in '-<suffix>' would come back unchanged.
  if (sameBucketName(`${base}-${clean}`, taken)) base = base.slice(0, -1).replace(/-+$/, '');
  // A name of mostly dashes leaves a short base; keep the result at B2's minimum length.
  return `${base || 'bucket'}-${clean}`.padEnd(BUCKET_NAME_MIN, '0');
}
