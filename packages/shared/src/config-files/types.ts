// What every config-file generator is given: values in, files out (no fs, no clock, no randomness).
import type { GeneratedFile, SetupResult } from '../schemas/api';
import type { Target, TargetOptions } from '../schemas/setup-request';

export interface ConfigValues {
  target: Target;
  bucket: Pick<
    SetupResult['bucket'],
    | 'bucketId'
    | 'bucketName'
    | 'bucketType'
    | 'lifecycleRules'
    | 'corsRules'
    | 'defaultServerSideEncryption'
    | 'fileLockEnabled'
  >;
  key: Pick<
    SetupResult['key'],
    | 'applicationKeyId'
    | 'applicationKey'
    | 'keyName'
    | 'capabilities'
    | 'namePrefix'
    | 'expirationTimestamp'
  >;
  /** s3Endpoint is a URL with its scheme, e.g. https://s3.us-west-004.backblazeb2.com. */
  endpoint: SetupResult['endpoint'];
  options: TargetOptions;
}

export type ConfigGenerator = (values: ConfigValues) => GeneratedFile;
