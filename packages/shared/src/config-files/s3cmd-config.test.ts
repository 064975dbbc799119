import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readIni } from '../../test/ini-reader';
import { s3cmdConfig } from './s3cmd-config';

describe('s3cmdConfig', () => {
  it('writes a path-style [default] section', () => {
    expect(s3cmdConfig(configValues('aws-cli'))).toEqual({
      target: 'aws-cli',
      filename: '.s3cfg',
      mediaType: 'text/plain; charset=utf-8',
      content: `# s3cmd settings for the Backblaze B2 bucket acme-db-backups. Save as ~/.s3cfg, or pass
# -c with this file's path. Then try: s3cmd ls s3://acme-db-backups
# This file holds the application key: keep it private.
[default]
access_key = ${KEY_ID}
secret_key = ${SECRET}
host_base = s3.us-west-004.backblazeb2.com
# host_bucket without %(bucket)s makes s3cmd use path-style addresses.
host_bucket = s3.us-west-004.backblazeb2.com
bucket_location = us-west-004
use_https = True
signature_v2 = False
`,
    });
  });

  it('keeps the port and turns HTTPS off for an http endpoint', () => {
    const values = configValues('aws-cli');
    values.endpoint = { s3Endpoint: 'http://127.0.0.1:8787', s3Region: 'us-east-001' };
    expect(readIni(s3cmdConfig(values).content).default).toEqual({
      access_key: KEY_ID,
      secret_key: SECRET,
      host_base: '127.0.0.1:8787',
      host_bucket: '127.0.0.1:8787',
      bucket_location: 'us-east-001',
      use_https: 'False',
      signature_v2: 'False',
    });
  });

  it("refuses a key starting with '$', which s3cmd reads as an environment variable", () => {
    const values = configValues('aws-cli');
    values.key.applicationKey = '$K004';
    expect(configErrorOf(() => s3cmdConfig(values)).field).toBe('key.applicationKey');
  });
});
