// Laravel (docs/targets.md "Laravel / Flysystem"): a .env block with Laravel's standard AWS_* names,
// which the stock 's3' disk reads unchanged, and a disk entry for config/filesystems.php that reads
// the same variables and fixes path style and the checksum settings in code, so they survive
// `php artisan config:cache`.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, dotenvLines } from './config-quoting';
import { configName, MEDIA_TYPES, parseEndpoint, targetOptions, textFile } from './config-values';
import type { ConfigValues } from './types';

const ENV_FILENAME = 'laravel.env';
const DISK_FILENAME = 'filesystems-disk.php';
const COMPOSER_REQUIRE =
  'composer require league/flysystem-aws-s3-v3 "^3.0" --with-all-dependencies';

function diskNameOf(values: ConfigValues): string {
  return configName(
    'options.laravel.diskName',
    'Disk name',
    targetOptions(values, 'laravel').diskName,
  );
}

export function laravelEnvConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const disk = diskNameOf(values);
  const bucket = bucketInComment(values, ENV_FILENAME);
  const env = dotenvLines(ENV_FILENAME);
  const diskNote =
    disk === 's3'
      ? `# ${DISK_FILENAME} sets up the 's3' disk so these settings survive php artisan config:cache.`
      : `# ${DISK_FILENAME} adds a '${disk}' disk that reads these values and keeps its settings after\n# php artisan config:cache. To make it the default disk, set FILESYSTEM_DISK=${disk}.`;
  return textFile('laravel', ENV_FILENAME, MEDIA_TYPES.text, [
    `# Laravel file storage on the Backblaze B2 bucket ${bucket}, through B2's S3-compatible API.`,
    "# Add these lines to your app's .env file. Laravel needs the S3 driver once:",
    `#   ${COMPOSER_REQUIRE}`,
    '# Keep .env private: it holds the application key.',
    'FILESYSTEM_DISK=s3',
    env('AWS_ACCESS_KEY_ID', values.key.applicationKeyId, 'key.applicationKeyId'),
    env('AWS_SECRET_ACCESS_KEY', values.key.applicationKey, 'key.applicationKey'),
    env('AWS_DEFAULT_REGION', endpoint.region, 'endpoint.s3Region'),
    env('AWS_BUCKET', values.bucket.bucketName, 'bucket.bucketName'),
    env('AWS_ENDPOINT', endpoint.url, 'endpoint.s3Endpoint'),
    'AWS_USE_PATH_STYLE_ENDPOINT=true',
    '# AWS SDK for PHP 3.337 and later sends checksum headers that B2 has rejected; these turn them off.',
    'AWS_REQUEST_CHECKSUM_CALCULATION=when_required',
    'AWS_RESPONSE_CHECKSUM_VALIDATION=when_required',
    diskNote,
  ]);
}

export function laravelDiskConfig(values: ConfigValues): GeneratedFile {
  const disk = diskNameOf(values);
  const bucket = bucketInComment(values, DISK_FILENAME);
  const where =
    disk === 's3'
      ? "Replace the 's3' entry in the 'disks' array"
      : "Paste this entry into the 'disks' array";
  return textFile('laravel', DISK_FILENAME, MEDIA_TYPES.php, [
    `// Backblaze B2 disk for Laravel (bucket ${bucket}). ${where}`,
    `// in config/filesystems.php, then use it as Storage::disk('${disk}').`,
    `// It reads the AWS_* values from ${ENV_FILENAME}. Path style and the checksum settings are written`,
    '// here, not read from .env, so they still apply after php artisan config:cache.',
    `// Needs: ${COMPOSER_REQUIRE}`,
    `'${disk}' => [`,
    "    'driver' => 's3',",
    "    'key' => env('AWS_ACCESS_KEY_ID'),",
    "    'secret' => env('AWS_SECRET_ACCESS_KEY'),",
    "    'region' => env('AWS_DEFAULT_REGION'),",
    "    'bucket' => env('AWS_BUCKET'),",
    "    'url' => env('AWS_URL'),",
    "    'endpoint' => env('AWS_ENDPOINT'),",
    "    'use_path_style_endpoint' => true,",
    '    // AWS SDK for PHP 3.337 and later sends checksum headers that B2 has rejected.',
    "    'request_checksum_calculation' => 'when_required',",
    "    'response_checksum_validation' => 'when_required',",
    '    // Report a failed upload as an error instead of returning false.',
    "    'throw' => true,",
    '],',
  ]);
}
