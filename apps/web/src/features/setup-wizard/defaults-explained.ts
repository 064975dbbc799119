// One or two sentences per step on why the target's default is the default, in plain words.
import { TARGET_PRESETS, type Target } from '@b2wiz/shared';

const label = (target: Target) => (target === 'other' ? 'your tool' : TARGET_PRESETS[target].label);

/** Why the bucket type is the default. Encryption is no choice (Backblaze always encrypts). */
export function whyBucketDefault(target: Target): string {
  return TARGET_PRESETS[target].bucket.type === 'allPublic'
    ? 'We chose a public bucket: anyone with a file’s link can download it.'
    : 'We chose a private bucket: only someone with a key can see the files.';
}

export function whyLifecycleDefault(target: Target): string {
  const preset = TARGET_PRESETS[target].lifecycle.preset;
  if (preset === 'keepLatest') {
    return `We chose “Keep only the last version of the file” because ${label(target)} replaces and deletes files all the time, and every old version would stay on your bill. B2 cleans up about a day later, so a replaced file is still billed for about a day.`;
  }
  return `We chose “Keep all versions of the file”, B2’s own default: nothing ${target === 'other' ? 'you overwrite' : `${label(target)} overwrites`} or deletes is lost, but every version is billed until you delete it.`;
}

export function whyCorsDefault(target: Target): string {
  if (TARGET_PRESETS[target].cors.preset === 'oneOrigin') {
    return 'We chose to share with your website only, for both APIs, with uploads allowed: Laravel pages often upload files straight from the visitor’s browser.';
  }
  return `We chose not to share: ${label(target)} talks to B2 from a server, not from a web page, so it does not need CORS.`;
}

export function whyKeyDefault(target: Target): string {
  const preset = TARGET_PRESETS[target];
  const list = preset.key.listAllBucketNames
    ? ` “Allow List All Bucket Names” is on because ${label(target)} asks for the list of buckets when it starts, and fails without it.`
    : '';
  return `The key can reach only this bucket, to read and write files: what ${label(target)} needs and nothing more.${list}`;
}
