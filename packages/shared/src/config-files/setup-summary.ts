// SETUP-SUMMARY.md: what was created, when and for whom, for the records. It never holds the
// secret. Plain text first: one line per paragraph or item (no hard wraps), no code spans for
// names and IDs, so it reads the same in a text editor, a ticket and a Markdown viewer.
import { ACCESS_CAPABILITIES, ACCESS_LABELS, KEY_ACCESS } from '../presets/capabilities';
import { encryptionStatus } from '../presets/encryption';
import { multiBucketKeyWarning } from '../presets/multi-bucket-keys';
import { TARGET_PRESETS } from '../presets/targets';
import {
  RETENTION_MODE_WORDS,
  RETENTION_TEXT,
  retentionWords,
} from '../rules/object-lock-retention';
import type { GeneratedFile } from '../schemas/api';
import { markdownCode } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import { configFileNames, SETUP_SUMMARY_FILENAME } from './registry';
import { describeCorsRule, describeLifecycleRules } from './rule-descriptions';
import type { ConfigValues, SetupFacts } from './types';

const BUCKET_TYPES: Record<string, string> = {
  allPrivate: 'Private',
  allPublic: 'Public: anyone with a file’s URL can download it',
};

/** The bucket's default retention, its meaning and its cost; nothing when Object Lock is off. */
function retentionLines(bucket: ConfigValues['bucket']): string[] {
  if (bucket.fileLockEnabled !== true) return [];
  const retention = bucket.defaultRetention;
  if (!retention)
    return ['Default retention: none; files are not locked unless a tool locks them.'];
  return [
    `Default retention: ${retentionWords(retention)}, for every file uploaded from the setup on. ${RETENTION_MODE_WORDS[retention.mode].description} ${RETENTION_TEXT.cost}`,
  ];
}

function objectLockWords(enabled: boolean | null): string {
  if (enabled === null) return 'Not known: the connected key could not read it';
  return enabled ? 'Enabled: it can never be turned off' : 'Disabled';
}

/** A fixed instant as "2026-01-31 12:00 UTC"; no clock is read. */
function utcMinute(timestamp: number): string {
  return `${new Date(timestamp).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The key's access in plain words, from its capabilities. */
const capabilitySet = (capabilities: readonly string[]) =>
  capabilities
    .filter((c) => c !== 'listAllBucketNames')
    .sort()
    .join(',');
/** Each access level by its exact set of capabilities (listAllBucketNames aside). */
const ACCESS_BY_SET = new Map(KEY_ACCESS.map((a) => [capabilitySet(ACCESS_CAPABILITIES[a]), a]));

function accessWords(capabilities: readonly string[]): string {
  const access = ACCESS_BY_SET.get(capabilitySet(capabilities));
  const words = access
    ? `${ACCESS_LABELS[access].label}: ${ACCESS_LABELS[access].description}`
    : `these B2 capabilities: ${capabilities.join(', ')}`;
  return capabilities.includes('listAllBucketNames')
    ? `${words} It may also see the names of every bucket in the account.`
    : words;
}

/** Which buckets the key may use, by name where the summary knows it and by ID. */
function bucketLines(values: ConfigValues): string[] {
  const ids = values.key.bucketIds;
  if (!ids || ids.length === 0) return [];
  const { bucketId, bucketName } = values.bucket;
  const own = `${bucketName} (ID ${bucketId})`;
  const others = ids.filter((id) => id !== bucketId);
  if (others.length === 0) return [`Buckets it may use: only ${own}`];
  return [
    `Buckets it may use: ${others.length + 1}, this setup’s ${own} and the other buckets with the IDs ${others.join(', ')}`,
    multiBucketKeyWarning(),
  ];
}

function factLines(facts: SetupFacts | undefined): string[] {
  if (!facts) return [];
  return [
    `Date: ${utcMinute(facts.createdAt)}`,
    `Account ID: ${facts.accountId}`,
    ...(facts.customer ? [`Customer or ticket: ${facts.customer}`] : []),
    ...(facts.sandbox
      ? [
          'Practice sandbox: made in the wizard’s practice sandbox, not in a real Backblaze account.',
        ]
      : []),
  ];
}

export function setupSummary(values: ConfigValues): GeneratedFile {
  const { bucket, key, record } = values;
  const endpoint = parseEndpoint(values);
  const preset = TARGET_PRESETS[values.target];
  const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`);
  const files = [...configFileNames(values.target), SETUP_SUMMARY_FILENAME];
  const made =
    record === undefined
      ? []
      : [
          record.bucketMade
            ? 'Made by this setup.'
            : 'A bucket the account already had; the rules below are the ones it has now.',
        ];
  return textFile('all', SETUP_SUMMARY_FILENAME, MEDIA_TYPES.markdown, [
    `# Backblaze B2 setup: ${bucket.bucketName}`,
    '',
    ...bullets([...factLines(record), `Set up for: ${preset.label}`]),
    '',
    'This file holds no secret. The application key was shown once, in the wizard and in the config files; if it is lost, create a new key.',
    '',
    '## Bucket',
    '',
    ...bullets([
      `Name: ${bucket.bucketName}`,
      ...made,
      `Bucket ID: ${bucket.bucketId}`,
      `Files in bucket are: ${BUCKET_TYPES[bucket.bucketType] ?? bucket.bucketType}`,
      encryptionStatus(bucket.defaultServerSideEncryption),
      `Object Lock: ${objectLockWords(bucket.fileLockEnabled)}`,
      ...retentionLines(bucket),
    ]),
    '',
    '## Lifecycle',
    '',
    ...bullets(describeLifecycleRules(bucket.lifecycleRules)),
    '',
    '## CORS',
    '',
    ...bullets(
      bucket.corsRules.length === 0
        ? ['None: web pages on other sites can’t use this bucket from a browser.']
        : bucket.corsRules.map(describeCorsRule),
    ),
    '',
    '## Application key',
    '',
    ...bullets([
      `Name: ${key.keyName}`,
      `Key ID: ${key.applicationKeyId}`,
      `Access: ${accessWords(key.capabilities)}`,
      ...bucketLines(values),
      `File name prefix: ${key.namePrefix ? markdownCode(key.namePrefix) : 'none (every file the key can reach)'}`,
      `Expires: ${key.expirationTimestamp === null ? 'never' : utcMinute(key.expirationTimestamp)}`,
    ]),
    '',
    '## S3-compatible endpoint',
    '',
    ...bullets([`Endpoint: ${endpoint.url}`, `Region: ${endpoint.region}`]),
    '',
    '## Files handed out',
    '',
    ...bullets(files),
  ]);
}
