import { describe, expect, it } from 'vitest';
import { TARGETS, setupRequestSchema, type SetupRequestInput } from '../schemas/setup-request';
import { bucketNameProblem } from '../rules/bucket-name';
import { TARGET_PRESETS, proposedBucketName, targetDefaults, targetsByGroup } from './targets';

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

  it.each([
    ['duplicity', 'keepLatest', 'readWrite', true],
    ['python', 'keepAll', 'noDelete', true],
    ['node', 'keepAll', 'noDelete', true],
    ['cyberduck', 'keepAll', 'noDelete', true],
    ['cpanel', 'keepLatest', 'readWrite', false],
    ['synology', 'keepLatest', 'readWrite', true],
  ] as const)(
    '%s: a private bucket, %s, no CORS, a read and write key (least: %s), S3 %s',
    (target, lifecycle, leastAccess, usesS3) => {
      const preset = TARGET_PRESETS[target];
      expect(preset.bucket).toEqual({ type: 'allPrivate' });
      expect(preset.lifecycle).toEqual({ preset: lifecycle });
      expect(preset.cors).toEqual({ preset: 'none' });
      expect(preset.key).toMatchObject({ access: 'readWrite', leastAccess });
      expect(preset.usesS3).toBe(usesS3);
      expect(preset.key.listAllBucketNames).toBe(usesS3);
    },
  );

  it('groups the tools for the first step: backups, apps, file browsing, control panels and NAS', () => {
    expect(targetsByGroup()).toEqual([
      { group: 'backups', label: 'Backups', targets: ['litestream', 'restic', 'duplicity'] },
      { group: 'apps', label: 'Your own app', targets: ['laravel', 'python', 'node'] },
      {
        group: 'files',
        label: 'Browsing and copying files',
        targets: ['rclone', 'aws-cli', 'cyberduck'],
      },
      {
        group: 'panels',
        label: 'Control panels and NAS',
        targets: ['jetbackup', 'cpanel', 'synology'],
      },
      { group: 'other', label: 'Anything else', targets: ['other'] },
    ]);
  });

  it('backup tools keep only the last version', () => {
    for (const target of [
      'litestream',
      'jetbackup',
      'rclone',
      'restic',
      'duplicity',
      'cpanel',
      'synology',
    ] as const) {
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
