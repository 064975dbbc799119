import { describe, expect, it } from 'vitest';
import { TARGETS, setupRequestSchema, type SetupRequestInput } from '../schemas/setup-request';
import { bucketNameProblem } from '../rules/bucket-name';
import { TARGET_PRESETS, proposedBucketName, targetDefaults } from './targets';

function filled(target: (typeof TARGETS)[number]): SetupRequestInput {
  const request = targetDefaults(target);
  if (request.bucket.mode === 'create') request.bucket.name = 'acme-files';
  request.key.name = `${target}-acme-files`;
  if (request.cors.preset === 'oneOrigin') request.cors.origin = 'https://app.example.com';
  return request;
}

describe('targetDefaults', () => {
  it.each(TARGETS)('%s parses once the bucket and key names are filled in', (target) => {
    const result = setupRequestSchema.safeParse(filled(target));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.target).toBe(target);
  });

  it.each(TARGETS)('%s leaves the bucket and key names to the user', (target) => {
    const request = targetDefaults(target);
    expect(request.bucket).toMatchObject({ mode: 'create', name: '' });
    expect(request.key.name).toBe('');
    expect(setupRequestSchema.safeParse(request).success).toBe(false);
  });

  it('laravel also needs the CORS origin', () => {
    const request = targetDefaults('laravel');
    if (request.bucket.mode === 'create') request.bucket.name = 'acme-files';
    request.key.name = 'laravel-acme-files';
    const result = setupRequestSchema.safeParse(request);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['cors.origin']);
  });

  it.each(TARGETS)('%s carries its preset into the request', (target) => {
    const preset = TARGET_PRESETS[target];
    const request = setupRequestSchema.parse(filled(target));
    expect(request.bucket).toMatchObject({
      type: preset.bucket.type,
      objectLock: false,
    });
    // B2 encrypts every bucket: no target offers a choice, and none asks for it off.
    expect(request.bucket).not.toHaveProperty('encryption');
    expect(request.lifecycle).toEqual(preset.lifecycle);
    expect(request.key).toMatchObject({
      access: preset.key.access,
      listAllBucketNames: preset.key.listAllBucketNames,
      restrictToBucket: true,
    });
  });

  it('S3 tools get listAllBucketNames; native ones do not need it', () => {
    for (const target of TARGETS) {
      const preset = TARGET_PRESETS[target];
      if (preset.usesS3) expect(preset.key.listAllBucketNames).toBe(true);
    }
  });

  it('backup tools keep only the last version', () => {
    for (const target of ['litestream', 'jetbackup', 'rclone', 'restic'] as const) {
      expect(TARGET_PRESETS[target].lifecycle).toEqual({ preset: 'keepLatest' });
    }
  });

  it('returns fresh objects, so editing a draft leaves the presets alone', () => {
    const first = targetDefaults('laravel');
    first.key.name = 'changed';
    if (first.cors.preset === 'oneOrigin') first.cors.origin = 'https://changed.example.com';
    if (first.lifecycle.preset === 'keepAll')
      Object.assign(first.lifecycle, { preset: 'keepLatest' });
    const second = targetDefaults('laravel');
    expect(second.key.name).toBe('');
    expect(second.cors).toEqual({ preset: 'oneOrigin', origin: '', apis: 'both', uploads: true });
    expect(second.lifecycle).toEqual({ preset: 'keepAll' });
    expect(TARGET_PRESETS.laravel.cors).toEqual(second.cors);
  });

  it('proposes a valid bucket name for every target, from any suffix', () => {
    expect(proposedBucketName('litestream', 'x7k2p9')).toBe('litestream-backups-x7k2p9');
    expect(proposedBucketName('aws-cli', 'AB_12-cd')).toBe('s3-files-ab12cd');
    for (const target of TARGETS) {
      for (const suffix of ['', 'a', 'f3e1c2d4b5a6978812', 'ÉÉ__', '00000000-0000']) {
        expect(bucketNameProblem(proposedBucketName(target, suffix))).toBeNull();
      }
    }
  });
});
