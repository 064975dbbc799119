import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readEnv } from '../../test/env-reader';
import { duplicityConfig } from './duplicity-config';

describe('duplicityConfig', () => {
  it('writes the key, the checksum settings and the 0.8.22 commands over boto3+s3://', () => {
    expect(duplicityConfig(configValues('duplicity'))).toEqual({
      target: 'duplicity',
      filename: 'duplicity.env',
      mediaType: 'text/plain; charset=utf-8',
      content: `# duplicity backups in the Backblaze B2 bucket acme-db-backups, through B2's S3-compatible API.
# The commands below are for duplicity 0.8.22, the version in Debian 12.
# Load this file with: source duplicity.env
# duplicity asks for a passphrase and encrypts the backups with it. Keep a copy somewhere
# safe: without it the backups cannot be restored. This file holds the application key:
# keep it private.
export AWS_ACCESS_KEY_ID='${KEY_ID}'
export AWS_SECRET_ACCESS_KEY='${SECRET}'
# boto3 1.36 and later (duplicity 2.x and 3.x installed with pip bring it) send checksum
# headers that B2 has rejected, unless these say to send them only when required:
export AWS_REQUEST_CHECKSUM_CALCULATION='when_required'
export AWS_RESPONSE_CHECKSUM_VALIDATION='when_required'

# Back up a folder (duplicity 0.8.22; the first run is a full backup, later ones add the changes):
#   duplicity /path/to/folder boto3+s3://acme-db-backups/duplicity --s3-endpoint-url https://s3.us-west-004.backblazeb2.com --s3-region-name us-west-004
# Restore the latest backup into a new folder (duplicity 0.8.22):
#   duplicity restore boto3+s3://acme-db-backups/duplicity /path/to/restored-folder --s3-endpoint-url https://s3.us-west-004.backblazeb2.com --s3-region-name us-west-004
# duplicity 0.8.22 needs "boto3+s3://": there, plain "s3://" is its old boto backend.
# duplicity 2.x and 3.x changed their options: check "duplicity --help" there before using these.
`,
    });
  });

  it('reads back as the environment boto3 takes', () => {
    expect(readEnv(duplicityConfig(configValues('duplicity')).content)).toEqual({
      AWS_ACCESS_KEY_ID: KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    });
  });

  it('names the version of each command line', () => {
    const lines = duplicityConfig(configValues('duplicity')).content.split('\n');
    const commands = lines.filter((line) => line.startsWith('#   duplicity '));
    expect(commands).toHaveLength(2);
    for (const command of commands) {
      expect(lines[lines.indexOf(command) - 1]).toContain('(duplicity 0.8.22');
    }
  });

  it('refuses an endpoint that is not one', () => {
    const values = configValues('duplicity');
    values.endpoint.s3Endpoint = 'https://s3.example.com/path';
    expect(configErrorOf(() => duplicityConfig(values)).field).toBe('endpoint.s3Endpoint');
  });
});
