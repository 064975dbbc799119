import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readIni } from '../../test/ini-reader';
import { awsCliConfig, awsCliCredentialsConfig } from './aws-cli-config';

describe('awsCliConfig', () => {
  it('writes the profile with path style and the checksum settings', () => {
    expect(awsCliConfig(configValues('aws-cli'))).toEqual({
      target: 'aws-cli',
      filename: 'aws-config',
      mediaType: 'text/plain; charset=utf-8',
      content: `# AWS CLI profile for the Backblaze B2 bucket acme-db-backups. Add it to ~/.aws/config, and the
# key from aws-credentials to ~/.aws/credentials. Then try:
#   aws s3 ls s3://acme-db-backups --profile b2
# AWS CLI older than 2.13 (or 1.29) ignores endpoint_url here: add this to every command:
#   --endpoint-url https://s3.us-west-004.backblazeb2.com
[profile b2]
region = us-west-004
endpoint_url = https://s3.us-west-004.backblazeb2.com
# AWS CLI 2.23 (or 1.37) and later send checksum headers that B2 has rejected; these turn them off.
request_checksum_calculation = when_required
response_checksum_validation = when_required
s3 =
  addressing_style = path
`,
    });
  });

  it('reads back as INI, the nested s3 setting included', () => {
    expect(readIni(awsCliConfig(configValues('aws-cli')).content)).toEqual({
      'profile b2': {
        region: 'us-west-004',
        endpoint_url: 'https://s3.us-west-004.backblazeb2.com',
        request_checksum_calculation: 'when_required',
        response_checksum_validation: 'when_required',
        s3: '\naddressing_style = path',
      },
    });
  });

  it('uses [default] for the default profile, and no --profile flag', () => {
    const values = configValues('aws-cli');
    values.options = { awsCli: { profile: 'default' } };
    const content = awsCliConfig(values).content;
    expect(Object.keys(readIni(content))).toEqual(['default']);
    expect(content).toContain('#   aws s3 ls s3://acme-db-backups\n');
    expect(readIni(awsCliCredentialsConfig(values).content)).toHaveProperty('default');
  });

  it('refuses a profile name that would break the section header', () => {
    const values = configValues('aws-cli');
    values.options = { awsCli: { profile: 'b2]\n[x' } };
    expect(configErrorOf(() => awsCliConfig(values)).field).toBe('options.awsCli.profile');
  });
});

describe('awsCliCredentialsConfig', () => {
  it('writes the key pair under the profile name', () => {
    expect(awsCliCredentialsConfig(configValues('aws-cli'))).toEqual({
      target: 'aws-cli',
      filename: 'aws-credentials',
      mediaType: 'text/plain; charset=utf-8',
      content: `# Add this to ~/.aws/credentials; the settings are in aws-config.
# It holds the application key: keep the file private.
[b2]
aws_access_key_id = ${KEY_ID}
aws_secret_access_key = ${SECRET}
`,
    });
  });

  it('keeps a key with # and ; whole, since comments are never on a value line', () => {
    const values = configValues('aws-cli');
    values.key.applicationKey = 'K0#a ;b';
    expect(readIni(awsCliCredentialsConfig(values).content).b2?.aws_secret_access_key).toBe(
      'K0#a ;b',
    );
  });

  it('refuses a key starting with a quote', () => {
    const values = configValues('aws-cli');
    values.key.applicationKey = '"K004"';
    expect(configErrorOf(() => awsCliCredentialsConfig(values))).toEqual({
      field: 'key.applicationKey',
      message:
        "The application key can't be written into aws-credentials as it is: it starts with a quote. Check that it was copied correctly.",
    });
  });
});
