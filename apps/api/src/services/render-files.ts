// The one call that turns a finished setup into config files (the generators live in shared),
// and a dry run of it before anything is written to B2.
import {
  ConfigValueError,
  generateFiles,
  keyCapabilities,
  TARGET_PRESETS,
  type ConfigValues,
  type GeneratedFile,
  type SetupRequest,
} from '@b2wiz/shared';
import { AppError } from '../errors/app-error';

export type RenderFiles = (values: ConfigValues) => GeneratedFile[];

export const renderFiles: RenderFiles = generateFiles;

/** ConfigValues paths that come straight from a request field. */
function requestField(valuesField: string): string | undefined {
  if (valuesField.startsWith('options.')) return valuesField;
  const map: Record<string, string> = {
    'bucket.bucketName': 'bucket.name',
    'key.keyName': 'key.name',
    'key.namePrefix': 'key.namePrefix',
  };
  return map[valuesField];
}

/**
 * Renders the files once with stand-in IDs, so a value no config file can hold is refused as a
 * field error before any bucket or key exists. The stand-ins are hex with letters, as B2's IDs
 * usually are, so each format writes them as it writes real ones (an all-digit ID would send
 * every YAML value through the quoting library, the slow way).
 */
export function checkRenderable(
  render: RenderFiles,
  request: SetupRequest,
  endpoint: ConfigValues['endpoint'],
): void {
  const values: ConfigValues = {
    target: request.target,
    bucket: {
      bucketId: '000aaaaaaaaaaaa000000000',
      bucketName: request.bucket.mode === 'create' ? request.bucket.name : 'existing-bucket',
      bucketType: request.bucket.mode === 'create' ? request.bucket.type : 'allPrivate',
      lifecycleRules: [],
      corsRules: [],
      defaultServerSideEncryption: null,
      fileLockEnabled: null,
    },
    key: {
      applicationKeyId: '000aaaaaaaaaaaa0000000000',
      applicationKey: `K000${'A'.repeat(27)}`,
      keyName: request.key.name,
      capabilities: keyCapabilities(
        request.key.access,
        request.key.listAllBucketNames ?? TARGET_PRESETS[request.target].key.listAllBucketNames,
      ),
      namePrefix: request.key.namePrefix ?? null,
      expirationTimestamp: null,
    },
    endpoint,
    options: request.options ?? {},
  };
  try {
    render(values);
  } catch (error) {
    if (!(error instanceof ConfigValueError)) throw error;
    const field = requestField(error.field);
    if (field) {
      throw new AppError(400, 'invalid_request', error.message, {
        field,
        issues: [{ field, message: error.message }],
      });
    }
    // The endpoint comes from B2 (or B2_API_URL), not from the user.
    throw new AppError(502, 'unusable_endpoint', error.message, {
      logDetail: `config check: ${error.field}`,
    });
  }
}
