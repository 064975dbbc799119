// SETUP-SUMMARY.md: what was created, for the customer's records. It never holds the secret.
import { encryptionStatus } from '../presets/encryption';
import { TARGET_PRESETS } from '../presets/targets';
import type { GeneratedFile } from '../schemas/api';
import { markdownCode } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import { configFileNames, SETUP_SUMMARY_FILENAME } from './registry';
import { describeCorsRule, describeLifecycleRules } from './rule-descriptions';
import type { ConfigValues } from './types';

const BUCKET_TYPES: Record<string, string> = {
  allPrivate: 'Private',
  allPublic: 'Public: anyone with a file’s URL can download it',
};

function objectLockWords(enabled: boolean | null): string {
  if (enabled === null) return 'Not known: the connected key could not read it';
  return enabled ? 'Enabled: it can never be turned off' : 'Disabled';
}

/** A fixed instant as "2026-01-31 12:00 UTC"; no clock is read. */
function utcMinute(timestamp: number): string {
  return `${new Date(timestamp).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function setupSummary(values: ConfigValues): GeneratedFile {
  const { bucket, key } = values;
  const endpoint = parseEndpoint(values);
  const preset = TARGET_PRESETS[values.target];
  const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`);
  const files = [...configFileNames(values.target), SETUP_SUMMARY_FILENAME];
  return textFile('all', SETUP_SUMMARY_FILENAME, MEDIA_TYPES.markdown, [
    `# Backblaze B2 setup: ${markdownCode(bucket.bucketName)}`,
    '',
    `Set up for: ${preset.label}.`,
    'This file holds no secret. The application key was shown once, in the wizard and in the',
    'config files; if it is lost, create a new key.',
    '',
    '## Bucket',
    '',
    ...bullets([
      `Name: ${markdownCode(bucket.bucketName)}`,
      `Bucket ID: ${markdownCode(bucket.bucketId)}`,
      `Files in bucket are: ${BUCKET_TYPES[bucket.bucketType] ?? markdownCode(bucket.bucketType)}`,
      encryptionStatus(bucket.defaultServerSideEncryption),
      `Object Lock: ${objectLockWords(bucket.fileLockEnabled)}`,
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
      `Name: ${markdownCode(key.keyName)}`,
      `Key ID: ${markdownCode(key.applicationKeyId)}`,
      `Capabilities: ${key.capabilities.map(markdownCode).join(', ')}`,
      `File name prefix: ${key.namePrefix ? markdownCode(key.namePrefix) : 'none (every file the key can reach)'}`,
      `Expires: ${key.expirationTimestamp === null ? 'never' : utcMinute(key.expirationTimestamp)}`,
    ]),
    '',
    '## S3-compatible endpoint',
    '',
    ...bullets([
      `Endpoint: ${markdownCode(endpoint.url)}`,
      `Region: ${markdownCode(endpoint.region)}`,
    ]),
    '',
    '## Files',
    '',
    ...bullets(files.map(markdownCode)),
  ]);
}
