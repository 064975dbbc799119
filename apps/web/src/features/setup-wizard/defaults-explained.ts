// One or two sentences per step on why the target's default is the default, in plain words.
import {
  accessTooNarrow,
  TARGET_PRESETS,
  type KeyAccess,
  type Target,
  toolNameInSentence,
} from '@b2wiz/shared';

/** Why the bucket type is the default. Encryption is no choice (Backblaze always encrypts). */
export function whyBucketDefault(target: Target): string {
  return TARGET_PRESETS[target].bucket.type === 'allPublic'
    ? 'We chose a public bucket: anyone with a file’s link can download it.'
    : 'We chose a private bucket: only someone with a key can see the files.';
}

export function whyLifecycleDefault(target: Target): string {
  const preset = TARGET_PRESETS[target].lifecycle.preset;
  if (preset === 'keepLatest') {
    return `We chose “Keep only the last version of the file” because ${toolNameInSentence(target)} replaces and deletes files all the time, and every old version would stay on your bill. B2 cleans up about a day later, so a replaced file is still billed for about a day.`;
  }
  return 'We chose “Keep all versions of the file”, B2’s own default: nothing that is overwritten or deleted is lost, but every version is billed until you delete it.';
}

export function whyCorsDefault(target: Target): string {
  if (TARGET_PRESETS[target].cors.preset === 'oneOrigin') {
    return 'We chose to share with your website only, for both APIs, with uploads allowed: Laravel pages often upload files straight from the visitor’s browser.';
  }
  return `We chose not to share: ${toolNameInSentence(target)} talks to B2 from a server, not from a web page, so it does not need CORS.`;
}

/** What the key step's choices add up to, in words; it follows the choices as they change. */
export interface KeyChoices {
  access: KeyAccess;
  restrictToBucket: boolean;
  listAllBucketNames: boolean;
}

const ACCESS_IN_WORDS: Record<KeyAccess, string> = {
  readWrite: 'to read, upload and delete files',
  readOnly: 'to read files, and never change them',
  writeOnly: 'to upload files, and never read them',
  noDelete: 'to read and upload files, but never delete them',
};

export function whyKeyDefault(target: Target, choices: KeyChoices): string {
  const preset = TARGET_PRESETS[target];
  const reach = choices.restrictToBucket
    ? 'The key can reach only this bucket'
    : 'The key can reach every bucket in the account';
  let fit: string;
  if (accessTooNarrow(target, choices.access)) {
    fit = `That is less than ${toolNameInSentence(target)} needs.`;
  } else if (choices.access === preset.key.leastAccess && choices.restrictToBucket) {
    fit = `That is what ${toolNameInSentence(target)} needs, and nothing more.`;
  } else {
    fit = `That is enough for ${toolNameInSentence(target)}.`;
  }
  let list = '';
  if (preset.key.listAllBucketNames) {
    list = choices.listAllBucketNames
      ? ` “Allow List All Bucket Names” is on because ${toolNameInSentence(target)} asks for the list of buckets when it starts, and fails without it.`
      : ` “Allow List All Bucket Names” is off, but ${toolNameInSentence(target)} asks for the list of buckets when it starts, and fails without it.`;
  }
  return `${reach}, ${ACCESS_IN_WORDS[choices.access]}. ${fit}${list}`;
}
