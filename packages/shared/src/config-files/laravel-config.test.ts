import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readEnv } from '../../test/env-reader';
import { laravelDiskConfig, laravelEnvConfig } from './laravel-config';

describe('laravelEnvConfig', () => {
  it("writes Laravel's AWS_* names with path style and the checksum settings", () => {
    expect(laravelEnvConfig(configValues('laravel'))).toEqual({
      target: 'laravel',
      filename: 'laravel.env',
      mediaType: 'text/plain; charset=utf-8',
      content: `# Laravel file storage on the Backblaze B2 bucket acme-db-backups, through B2's S3-compatible API.
# Add these lines to your app's .env file. Laravel needs the S3 driver once:
#   composer require league/flysystem-aws-s3-v3 "^3.0" --with-all-dependencies
# Keep .env private: it holds the application key.
FILESYSTEM_DISK=s3
AWS_ACCESS_KEY_ID=${KEY_ID}
AWS_SECRET_ACCESS_KEY=${SECRET}
AWS_DEFAULT_REGION=us-west-004
AWS_BUCKET=acme-db-backups
AWS_ENDPOINT=https://s3.us-west-004.backblazeb2.com
AWS_USE_PATH_STYLE_ENDPOINT=true
# AWS SDK for PHP 3.337 and later sends checksum headers that B2 has rejected; these turn them off.
AWS_REQUEST_CHECKSUM_CALCULATION=when_required
AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
# filesystems-disk.php adds a 'b2' disk that reads these values and keeps its settings after
# php artisan config:cache. To make it the default disk, set FILESYSTEM_DISK=b2.
`,
    });
  });

  it('reads back as dotenv', () => {
    expect(readEnv(laravelEnvConfig(configValues('laravel')).content)).toEqual({
      FILESYSTEM_DISK: 's3',
      AWS_ACCESS_KEY_ID: KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_DEFAULT_REGION: 'us-west-004',
      AWS_BUCKET: 'acme-db-backups',
      AWS_ENDPOINT: 'https://s3.us-west-004.backblazeb2.com',
      AWS_USE_PATH_STYLE_ENDPOINT: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    });
  });

  it("quotes a secret with '#', a space or '$', which dotenv would cut or expand", () => {
    const values = configValues('laravel');
    values.key.applicationKey = 'K0 a#b${X}';
    const content = laravelEnvConfig(values).content;
    expect(content).toContain("AWS_SECRET_ACCESS_KEY='K0 a#b${X}'\n");
    expect(readEnv(content).AWS_SECRET_ACCESS_KEY).toBe('K0 a#b${X}');
  });

  it('says nothing about switching disks when the disk is s3 itself', () => {
    const values = configValues('laravel');
    values.options = { laravel: { diskName: 's3' } };
    expect(laravelEnvConfig(values).content).toMatch(
      /\n# filesystems-disk\.php sets up the 's3' disk so these settings survive php artisan config:cache\.\n$/,
    );
  });

  it('refuses a disk name that would break the PHP', () => {
    const values = configValues('laravel');
    values.options = { laravel: { diskName: "b2' => []," } };
    expect(configErrorOf(() => laravelEnvConfig(values)).field).toBe('options.laravel.diskName');
    expect(configErrorOf(() => laravelDiskConfig(values)).field).toBe('options.laravel.diskName');
  });
});

describe('laravelDiskConfig', () => {
  it('writes a disk entry that reads the .env values and fixes the B2 settings in code', () => {
    expect(laravelDiskConfig(configValues('laravel'))).toEqual({
      target: 'laravel',
      filename: 'filesystems-disk.php',
      mediaType: 'text/x-php; charset=utf-8',
      content: `// Backblaze B2 disk for Laravel (bucket acme-db-backups). Paste this entry into the 'disks' array
// in config/filesystems.php, then use it as Storage::disk('b2').
// It reads the AWS_* values from laravel.env. Path style and the checksum settings are written
// here, not read from .env, so they still apply after php artisan config:cache.
// Needs: composer require league/flysystem-aws-s3-v3 "^3.0" --with-all-dependencies
'b2' => [
    'driver' => 's3',
    'key' => env('AWS_ACCESS_KEY_ID'),
    'secret' => env('AWS_SECRET_ACCESS_KEY'),
    'region' => env('AWS_DEFAULT_REGION'),
    'bucket' => env('AWS_BUCKET'),
    'url' => env('AWS_URL'),
    'endpoint' => env('AWS_ENDPOINT'),
    'use_path_style_endpoint' => true,
    // AWS SDK for PHP 3.337 and later sends checksum headers that B2 has rejected.
    'request_checksum_calculation' => 'when_required',
    'response_checksum_validation' => 'when_required',
    // Report a failed upload as an error instead of returning false.
    'throw' => true,
],
`,
    });
  });

  it('names the disk from the options, and replaces s3 when asked to', () => {
    const values = configValues('laravel');
    values.options = { laravel: { diskName: 'media' } };
    expect(laravelDiskConfig(values).content).toContain("\n'media' => [\n");
    values.options = { laravel: { diskName: 's3' } };
    expect(laravelDiskConfig(values).content).toMatch(
      /^\/\/ .*Replace the 's3' entry in the 'disks' array\n/,
    );
  });

  it('never holds the secret: the .env does', () => {
    expect(laravelDiskConfig(configValues('laravel')).content).not.toContain(SECRET);
  });
});
