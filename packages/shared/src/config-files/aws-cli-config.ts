// The AWS CLI's config and credentials files (docs/targets.md "AWS CLI and s3cmd") for one named
// profile.
// Comments go on their own lines: the AWS CLI keeps a trailing comment as part of the value.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, iniLines } from './config-quoting';
import { configName, MEDIA_TYPES, parseEndpoint, targetOptions, textFile } from './config-values';
import type { ConfigValues } from './types';

const CONFIG_FILENAME = 'aws-config';
const CREDENTIALS_FILENAME = 'aws-credentials';

function profileOf(values: ConfigValues): string {
  return configName(
    'options.awsCli.profile',
    'Profile name',
    targetOptions(values, 'awsCli').profile,
  );
}

export function awsCliConfig(values: ConfigValues): GeneratedFile {
  const profile = profileOf(values);
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, CONFIG_FILENAME);
  const ini = iniLines(CONFIG_FILENAME);
  // The default profile is [default] in the config file; every other one is [profile NAME].
  const section = profile === 'default' ? '[default]' : `[profile ${profile}]`;
  const profileFlag = profile === 'default' ? '' : ` --profile ${profile}`;
  return textFile('aws-cli', CONFIG_FILENAME, MEDIA_TYPES.text, [
    `# AWS CLI profile for the Backblaze B2 bucket ${bucket}. Add it to ~/.aws/config, and the`,
    `# key from ${CREDENTIALS_FILENAME} to ~/.aws/credentials. Then try:`,
    `#   aws s3 ls s3://${bucket}${profileFlag}`,
    '# AWS CLI older than 2.13 (or 1.29) ignores endpoint_url here: add this to every command:',
    `#   --endpoint-url ${endpoint.url}`,
    section,
    ini('region', endpoint.region, 'endpoint.s3Region'),
    ini('endpoint_url', endpoint.url, 'endpoint.s3Endpoint'),
    '# AWS CLI 2.23 (or 1.37) and later send checksum headers that B2 has rejected; these turn them off.',
    'request_checksum_calculation = when_required',
    'response_checksum_validation = when_required',
    's3 =',
    '  addressing_style = path',
  ]);
}

export function awsCliCredentialsConfig(values: ConfigValues): GeneratedFile {
  const profile = profileOf(values);
  const ini = iniLines(CREDENTIALS_FILENAME);
  return textFile('aws-cli', CREDENTIALS_FILENAME, MEDIA_TYPES.text, [
    `# Add this to ~/.aws/credentials; the settings are in ${CONFIG_FILENAME}.`,
    '# It holds the application key: keep the file private.',
    `[${profile}]`,
    ini('aws_access_key_id', values.key.applicationKeyId, 'key.applicationKeyId'),
    ini('aws_secret_access_key', values.key.applicationKey, 'key.applicationKey'),
  ]);
}
