// B2's application-key rules (docs/b2-behaviour.md "Application keys").

export const KEY_NAME_MAX = 100;
/** validDurationInSeconds must be below 1000 days. */
export const KEY_MAX_VALID_DAYS = 999;

export function keyNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name for the key.';
  if (/\s/.test(name)) return "Key names can't contain spaces. Use '-' instead.";
  const other = [...name].find((ch) => !/[A-Za-z0-9-]/.test(ch));
  if (other !== undefined)
    return `Key names can only use letters, digits and '-'. Remove '${other}'.`;
  if (name.length > KEY_NAME_MAX) {
    return `Key names can have at most ${KEY_NAME_MAX} characters. Remove ${name.length - KEY_NAME_MAX}.`;
  }
  return null;
}

/**
 * A key name made from a target and a bucket name, always valid for B2. A bucket name that already
 * starts with the target's name is not prefixed again (litestream-backups, not litestream-litestream-backups).
 */
export function defaultKeyName(target: string, bucketName: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '-');
  const tool = clean(target);
  const bucket = clean(bucketName);
  const named = tool && bucket.toLowerCase().startsWith(`${tool.toLowerCase()}-`);
  return (
    (named ? bucket : `${tool}-${bucket}`).slice(0, KEY_NAME_MAX).replace(/^-+|-+$/g, '') ||
    'wizard-key'
  );
}
