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
      content: `# Backblaze B2 setup: acme-db-backups

- Set up for: Litestream

This file holds no secret. The application key was shown once, in the wizard and in the config files; if it is lost, create a new key.

## Bucket

- Name: acme-db-backups
- Bucket ID: 4a48fe8875c6214145260818
- Files in bucket are: Private
- Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).
- Object Lock: Disabled

## Lifecycle

- Keep only the last version of the file: older versions are deleted about a day after a newer one replaces them.

## CORS

- None: web pages on other sites can’t use this bucket from a browser.

## Application key

- Name: litestream-acme-db-backups
- Key ID: ${KEY_ID}
- Access: Read and write: List, download, upload and delete files. What backup and sync tools need. It may also see the names of every bucket in the account.
- File name prefix: none (every file the key can reach)
- Expires: never

## S3-compatible endpoint

- Endpoint: https://s3.us-west-004.backblazeb2.com
- Region: us-west-004

## Files handed out

- litestream.yml
- SETUP-SUMMARY.md
`,
    });
  });

  it('says when, for whom and in which account, and marks the practice sandbox', () => {
    const values = {
      ...configValues('rclone'),
      record: {
        createdAt: Date.UTC(2026, 2, 14, 9, 5, 42),
        accountId: 'e2b1d3f4a5c6',
        customer: 'Müller & Söhne GmbH #4512',
        sandbox: true,
        bucketMade: true,
      },
    };
    const content = setupSummary(values).content;
    expect(content.split('\n## Bucket')[0]).toBe(`# Backblaze B2 setup: acme-db-backups

- Date: 2026-03-14 09:05 UTC
- Account ID: e2b1d3f4a5c6
- Customer or ticket: Müller & Söhne GmbH #4512
- Practice sandbox: made in the wizard’s practice sandbox, not in a real Backblaze account.
- Set up for: rclone

This file holds no secret. The application key was shown once, in the wizard and in the config files; if it is lost, create a new key.
`);
    expect(content).toContain('- Name: acme-db-backups\n- Made by this setup.\n- Bucket ID:');
  });

  it('says an existing bucket was the account’s own, and leaves out an unset customer and the sandbox', () => {
    const values = {
      ...configValues('restic'),
      record: {
        createdAt: Date.UTC(2026, 0, 1),
        accountId: 'a1b2c3',
        customer: null,
        sandbox: false,
        bucketMade: false,
      },
    };
    const content = setupSummary(values).content;
    expect(content).toContain(
      '- Name: acme-db-backups\n- A bucket the account already had; the rules below are the ones it has now.\n',
    );
    expect(content).toContain(
      '- Date: 2026-01-01 00:00 UTC\n- Account ID: a1b2c3\n- Set up for: restic\n',
    );
    expect(content).not.toContain('Customer or ticket');
    expect(content).not.toContain('sandbox');
  });

  it('names a narrower key’s access in words, and has no code spans or hard wraps', () => {
    const values = configValues('jetbackup');
    values.key.capabilities = ['listBuckets', 'readBuckets', 'listFiles', 'readFiles'];
    const content = setupSummary(values).content;
    expect(content).toContain(
      '- Access: Read only: List and download files; nothing can be changed.\n',
    );
    expect(content).not.toContain('`');
    expect(content).not.toContain('readFiles');
    // Every line that is not empty is a heading, an item or a paragraph of its own.
    const lines = content.split('\n');
    for (const [i, line] of lines.entries()) {
      if (line === '' || line.startsWith('#') || line.startsWith('- ')) continue;
      expect([lines[i - 1], lines[i + 1]]).toEqual(['', '']);
    }
  });

  it('names the access whatever order B2 lists the capabilities in, and lists a set no level has', () => {
    const values = configValues('jetbackup');
    values.key.capabilities = ['readFiles', 'listFiles', 'readBuckets', 'listBuckets'];
    expect(setupSummary(values).content).toContain(
      '- Access: Read only: List and download files; nothing can be changed.\n',
    );
    values.key.capabilities = ['listBuckets', 'listFiles', 'readFiles'];
    expect(setupSummary(values).content).toContain(
      '- Access: these B2 capabilities: listBuckets, listFiles, readFiles\n',
    );
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
      '- Set up for: Laravel / Flysystem\n',
      '- laravel.env\n- filesystems-disk.php\n- SETUP-SUMMARY.md\n',
    ]) {
      expect(content).toContain(line);
    }
  });

  it('states the default retention of a locked bucket, what the mode means and what it costs', () => {
    const values = configValues('restic');
    values.bucket.fileLockEnabled = true;
    values.bucket.defaultRetention = { mode: 'governance', period: { duration: 30, unit: 'days' } };
    expect(setupSummary(values).content).toContain(
      '- Object Lock: Enabled: it can never be turned off\n- Default retention: Governance, 30 days, for every file uploaded from the setup on. People with a special permission (bypassGovernance) can still delete a locked file. A locked file cannot be deleted, so it is billed until its retention period ends.\n',
    );
    values.bucket.defaultRetention = { mode: 'compliance', period: { duration: 1, unit: 'years' } };
    expect(setupSummary(values).content).toContain(
      '- Default retention: Compliance, 1 year, for every file uploaded from the setup on. Nobody can delete a locked file before its time is up, not even Backblaze support. A locked file cannot be deleted, so it is billed until its retention period ends.\n',
    );
    values.bucket.defaultRetention = null;
    expect(setupSummary(values).content).toContain(
      '- Default retention: none; files are not locked unless a tool locks them.\n',
    );
    values.bucket.fileLockEnabled = false;
    expect(setupSummary(values).content).not.toContain('Default retention');
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
    expect(content).toContain('- Files in bucket are: snapshot\n');
  });
});
