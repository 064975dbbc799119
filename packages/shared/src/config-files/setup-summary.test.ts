import { describe, expect, it } from 'vitest';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { corsRulesFor } from '../presets/cors-presets';
import { TARGETS } from '../schemas/setup-request';
import { setupSummary } from './setup-summary';

describe('setupSummary', () => {
  it('records what was created, in plain words', () => {
    expect(setupSummary(configValues('litestream'))).toEqual({
      target: 'all',
      filename: 'SETUP-SUMMARY.md',
      mediaType: 'text/markdown; charset=utf-8',
      content: `# Backblaze B2 setup: \`acme-db-backups\`

Set up for: Litestream.
This file holds no secret. The application key was shown once, in the wizard and in the
config files; if it is lost, create a new key.

## Bucket

- Name: \`acme-db-backups\`
- Bucket ID: \`4a48fe8875c6214145260818\`
- Files in bucket are: Private
- Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).
- Object Lock: Disabled

## Lifecycle

- Keep only the last version of the file: older versions are deleted about a day after a newer one replaces them.

## CORS

- None: web pages on other sites can’t use this bucket from a browser.

## Application key

- Name: \`litestream-acme-db-backups\`
- Key ID: \`${KEY_ID}\`
- Capabilities: \`listAllBucketNames\`, \`listBuckets\`, \`readBuckets\`, \`listFiles\`, \`readFiles\`, \`writeFiles\`, \`deleteFiles\`
- File name prefix: none (every file the key can reach)
- Expires: never

## S3-compatible endpoint

- Endpoint: \`https://s3.us-west-004.backblazeb2.com\`
- Region: \`us-west-004\`

## Files

- \`litestream.yml\`
- \`SETUP-SUMMARY.md\`
`,
    });
  });

  it.each(TARGETS)('never holds the secret (%s)', (target) => {
    const values = configValues(target);
    const content = setupSummary(values).content;
    expect(content).not.toContain(SECRET);
    expect(content).not.toContain('K004abc');
    expect(content).toContain(KEY_ID);
  });

  it('describes a public bucket, Object Lock, a bucket B2 has not yet moved to encryption, CORS, a prefix and an expiry', () => {
    const values = configValues('laravel');
    values.bucket.bucketType = 'allPublic';
    values.bucket.fileLockEnabled = true;
    values.bucket.defaultServerSideEncryption = { mode: 'none' };
    values.bucket.lifecycleRules = [];
    values.bucket.corsRules = corsRulesFor({ preset: 'allHttps', apis: 'b2', uploads: false });
    values.key.namePrefix = 'uploads/`x`';
    values.key.expirationTimestamp = Date.UTC(2027, 0, 31, 12, 30, 59);
    const content = setupSummary(values).content;
    for (const line of [
      '- Files in bucket are: Public: anyone with a file’s URL can download it\n',
      '- Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing.\n',
      '- Object Lock: Enabled: it can never be turned off\n',
      '- Keep all versions of the file: every version is kept, and billed, until you delete it.\n',
      '- `downloadFromAllHttps`: origins `https`; operations `b2_download_file_by_id`, `b2_download_file_by_name`; allowed headers `range`; browsers may reuse the answer for 3600 seconds.\n',
      '- File name prefix: `` uploads/`x` ``\n',
      '- Expires: 2027-01-31 12:30 UTC\n',
      'Set up for: Laravel / Flysystem.\n',
      '- `laravel.env`\n- `filesystems-disk.php`\n- `SETUP-SUMMARY.md`\n',
    ]) {
      expect(content).toContain(line);
    }
  });

  it('says when the connected key could not read encryption or Object Lock', () => {
    const values = configValues('other');
    values.bucket.defaultServerSideEncryption = null;
    values.bucket.fileLockEnabled = null;
    values.bucket.bucketType = 'snapshot';
    const content = setupSummary(values).content;
    expect(content).toContain(
      '- Encryption: not known; the connected key may not read this setting.\n',
    );
    expect(content).toContain('- Object Lock: Not known: the connected key could not read it\n');
    expect(content).toContain('- Files in bucket are: `snapshot`\n');
  });
});
