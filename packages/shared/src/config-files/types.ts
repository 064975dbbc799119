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
    | 'defaultRetention'
  >;
  key: Pick<
    SetupResult['key'],
    | 'applicationKeyId'
    | 'applicationKey'
    | 'keyName'
    | 'capabilities'
    | 'namePrefix'
    | 'expirationTimestamp'
  > &
    /** Every bucket the key may use, the setup's own first; left out when not known. */
    Partial<Pick<SetupResult['key'], 'bucketIds'>>;
  /** s3Endpoint is a URL with its scheme, e.g. https://s3.us-west-004.backblazeb2.com. */
  endpoint: SetupResult['endpoint'];
  options: TargetOptions;
  /** For the summary: when, for whom and in which account; left out by the other files. */
  record?: SetupFacts;
}

/** What the summary says about the setup itself (the API fills it in; shared reads no clock). */
export interface SetupFacts {
  /** When the setup was applied, ms since 1970. */
  createdAt: number;
  accountId: string;
  customer: string | null;
  sandbox: boolean;
  /** The bucket was made by this setup, or is one the account had. */
  bucketMade: boolean;
}

export type ConfigGenerator = (values: ConfigValues) => GeneratedFile;
