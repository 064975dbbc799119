import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readEnv } from '../../test/env-reader';
import { resticConfig } from './restic-config';

/** The commented-out native form, uncommented. */
const nativeForm = (content: string) =>
  content
    .split('\n')
    .filter((line) => /^# export (B2_|RESTIC_REPOSITORY)/.test(line))
    .map((line) => line.slice(2))
    .join('\n');

describe('resticConfig', () => {
  it('writes the S3 form, with the native form commented out', () => {
    expect(resticConfig(configValues('restic'))).toEqual({
      target: 'restic',
      filename: 'restic.env',
      mediaType: 'text/plain; charset=utf-8',
      content: `# restic repository in the Backblaze B2 bucket acme-db-backups, through B2's S3-compatible API,
# which restic recommends. Load it with: source restic.env
# then create the repository once with: restic init
# restic asks for a repository password. Keep a copy somewhere safe: without it the
# backups cannot be read. This file holds the application key: keep it private.
export AWS_ACCESS_KEY_ID='${KEY_ID}'
export AWS_SECRET_ACCESS_KEY='${SECRET}'
export AWS_DEFAULT_REGION='us-west-004'
export RESTIC_REPOSITORY='s3:https://s3.us-west-004.backblazeb2.com/acme-db-backups/restic'
# For scripts, keep the password in a file (chmod 600) and uncomment:
# export RESTIC_PASSWORD_FILE='/etc/restic/password'

# Or use restic's native B2 backend instead: uncomment these three lines.
# export B2_ACCOUNT_ID='${KEY_ID}'
# export B2_ACCOUNT_KEY='${SECRET}'
# export RESTIC_REPOSITORY='b2:acme-db-backups:restic'
`,
    });
  });

  it('reads back, both forms', () => {
    const content = resticConfig(configValues('restic')).content;
    expect(readEnv(content)).toEqual({
      AWS_ACCESS_KEY_ID: KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_DEFAULT_REGION: 'us-west-004',
      RESTIC_REPOSITORY: 's3:https://s3.us-west-004.backblazeb2.com/acme-db-backups/restic',
    });
    expect(readEnv(nativeForm(content))).toEqual({
      B2_ACCOUNT_ID: KEY_ID,
      B2_ACCOUNT_KEY: SECRET,
      RESTIC_REPOSITORY: 'b2:acme-db-backups:restic',
    });
  });

  it("keeps a repository path with spaces, ' and URL characters", () => {
    const path = "my backups/it's 100%/é#?";
    const values = configValues('restic');
    values.options = { restic: { repositoryPath: path } };
    const content = resticConfig(values).content;
    const s3 = readEnv(content).RESTIC_REPOSITORY!;
    expect(s3).toBe(
      "s3:https://s3.us-west-004.backblazeb2.com/acme-db-backups/my%20backups/it's%20100%25/%C3%A9%23%3F",
    );
    // restic parses the part after "s3:" as a URL and takes bucket and prefix from its decoded path.
    const url = new URL(s3.slice(3));
    expect(decodeURIComponent(url.pathname)).toBe(`/acme-db-backups/${path}`);
    expect(url.search + url.hash).toBe('');
    expect(readEnv(nativeForm(content)).RESTIC_REPOSITORY).toBe(`b2:acme-db-backups:${path}`);
  });

  it('can be sourced by sh', () => {
    const values = configValues('restic');
    values.key.applicationKey = "K0'$HOME`id`";
    values.options = { restic: { repositoryPath: "it's here" } };
    const script = `${resticConfig(values).content}\nprintf '%s\\n' "$AWS_SECRET_ACCESS_KEY" "$RESTIC_REPOSITORY"`;
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' })).toBe(
      "K0'$HOME`id`\ns3:https://s3.us-west-004.backblazeb2.com/acme-db-backups/it's%20here\n",
    );
  });

  it('refuses a line break that would leave the commented-out lines', () => {
    const values = configValues('restic');
    values.options = { restic: { repositoryPath: 'a\nrm -rf x' } };
    expect(configErrorOf(() => resticConfig(values)).field).toBe('options.restic.repositoryPath');
  });
});
