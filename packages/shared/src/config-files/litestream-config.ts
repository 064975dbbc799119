// litestream.yml (docs/targets.md "Litestream"): a one-item `replicas:` list, which Litestream 0.3
// and 0.5 both read.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, commentText, shellWord, yamlScalar } from './config-quoting';
import {
  ConfigValueError,
  MEDIA_TYPES,
  parseEndpoint,
  targetOptions,
  textFile,
} from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'litestream.yml';
const CONFIG_PATH = '/etc/litestream.yml';

export function litestreamConfig(values: ConfigValues): GeneratedFile {
  const { dbPath, replicaPath } = targetOptions(values, 'litestream');
  const endpoint = parseEndpoint(values);
  const written: [field: string, value: string][] = [
    ['options.litestream.dbPath', dbPath],
    ['options.litestream.replicaPath', replicaPath],
    ['bucket.bucketName', values.bucket.bucketName],
    ['key.applicationKeyId', values.key.applicationKeyId],
    ['key.applicationKey', values.key.applicationKey],
    ['endpoint.s3Endpoint', endpoint.url],
  ];
  // Litestream expands $VAR and ${VAR} anywhere in the file, and has no escape for '$'.
  for (const [field, value] of written) {
    if (value.includes('$')) {
      throw new ConfigValueError(
        field,
        `Litestream reads '$' as the start of an environment variable, so ${FILENAME} can't hold '${value}'. Remove the '$'.`,
      );
    }
  }
  const bucket = bucketInComment(values, FILENAME);
  const db = shellWord(commentText(dbPath, 'options.litestream.dbPath', FILENAME));
  return textFile('litestream', FILENAME, MEDIA_TYPES.yaml, [
    `# Litestream: continuous backup of a SQLite database to the Backblaze B2 bucket ${bucket}.`,
    `# Works with Litestream 0.3 and 0.5. Save it as ${CONFIG_PATH}, then start replication:`,
    `#   litestream replicate -config ${CONFIG_PATH}`,
    '# To restore the database (the file must not exist yet):',
    `#   litestream restore -config ${CONFIG_PATH} ${db}`,
    '# This file holds the application key: keep it private (chmod 600).',
    'dbs:',
    `  - path: ${yamlScalar(dbPath)}`,
    '    replicas:',
    '      - type: s3',
    `        bucket: ${yamlScalar(values.bucket.bucketName)}`,
    `        path: ${yamlScalar(replicaPath)}`,
    `        endpoint: ${yamlScalar(endpoint.url)}`,
    `        region: ${yamlScalar(endpoint.region)}`,
    '        force-path-style: true',
    `        access-key-id: ${yamlScalar(values.key.applicationKeyId)}`,
    `        secret-access-key: ${yamlScalar(values.key.applicationKey)}`,
  ]);
}
