import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { EVERY_TARGET_UNSET } from '../../test/config-values-fixture';
import { issuesFromZodError } from './api';
import {
  type SetupRequestInput,
  applyRequestSchema,
  corsStepSchema,
  keyStepSchema,
  lifecycleStepSchema,
  setupRequestSchema,
  targetOptionsSchema,
} from './setup-request';

const request = (over: Partial<SetupRequestInput> = {}): SetupRequestInput => ({
  target: 'litestream',
  bucket: { mode: 'create', name: 'acme-db-backups' },
  lifecycle: { preset: 'keepLatest' },
  cors: { preset: 'none' },
  key: { name: 'litestream-acme' },
  ...over,
});

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return issuesFromZodError(result.error);
}

describe('setupRequestSchema', () => {
  it('fills the defaults and keeps them in the parsed value', () => {
    expect(setupRequestSchema.parse(request())).toEqual({
      target: 'litestream',
      bucket: {
        mode: 'create',
        name: 'acme-db-backups',
        type: 'allPrivate',
        objectLock: false,
      },
      lifecycle: { preset: 'keepLatest' },
      cors: { preset: 'none' },
      key: { name: 'litestream-acme', access: 'readWrite', restrictToBucket: true },
    });
  });

  it('still accepts encryption on or off from older scripts, and adds no default for it', () => {
    for (const encryption of [true, false]) {
      const parsed = setupRequestSchema.parse(
        request({ bucket: { mode: 'create', name: 'acme-db-backups', encryption } }),
      );
      expect(parsed.bucket).toEqual({
        mode: 'create',
        name: 'acme-db-backups',
        type: 'allPrivate',
        encryption,
        objectLock: false,
      });
    }
    const wrong = {
      ...request(),
      bucket: { mode: 'create', name: 'acme-db-backups', encryption: 'no' },
    };
    expect(issues(setupRequestSchema, wrong).map((i) => i.field)).toEqual(['bucket.encryption']);
  });

  it('defaults CORS to both APIs and download only', () => {
    expect(setupRequestSchema.parse(request({ cors: { preset: 'allHttps' } })).cors).toEqual({
      preset: 'allHttps',
      apis: 'both',
      uploads: false,
    });
  });

  it('accepts an existing bucket by ID', () => {
    expect(
      setupRequestSchema.parse(
        request({ bucket: { mode: 'existing', bucketId: '4a48fe8875c6214145260818' } }),
      ).bucket,
    ).toEqual({ mode: 'existing', bucketId: '4a48fe8875c6214145260818' });
  });

  it('puts a bad bucket name on bucket.name, with the fix', () => {
    expect(
      issues(setupRequestSchema, request({ bucket: { mode: 'create', name: 'my_bucket' } })),
    ).toEqual([
      { field: 'bucket.name', message: "Bucket names can't contain '_'. Use '-' instead." },
    ]);
  });

  it('reports each wrong step once, in plain words', () => {
    expect(issues(setupRequestSchema, {})).toEqual([
      { field: 'target', message: 'Choose what you are setting up.' },
      {
        field: 'bucket',
        message:
          "Choose whether to create a new bucket ('create') or use one you have ('existing').",
      },
      { field: 'lifecycle', message: 'Choose how long to keep old versions.' },
      { field: 'cors', message: 'Choose who may use this bucket from a web browser.' },
      { field: 'key', message: 'Fill in the application key step: at least a key name.' },
    ]);
  });

  it('asks to choose a bucket when the ID is empty', () => {
    expect(
      issues(setupRequestSchema, request({ bucket: { mode: 'existing', bucketId: '' } })),
    ).toEqual([{ field: 'bucket.bucketId', message: 'Choose a bucket.' }]);
  });

  it('puts lifecycle rule problems on the rule field', () => {
    const lifecycle = {
      preset: 'custom' as const,
      rules: [
        { fileNamePrefix: 'logs/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 0 },
        { fileNamePrefix: 'logs/old/', daysFromHidingToDeleting: 1 },
      ],
    };
    expect(issues(setupRequestSchema, request({ lifecycle }))).toEqual([
      {
        field: 'lifecycle.rules.0.daysFromHidingToDeleting',
        message:
          'Days until a hidden file is deleted must be a whole number of at least 1, or left empty. 0 is not allowed.',
      },
      {
        field: 'lifecycle.rules.1.fileNamePrefix',
        message:
          "Rules can't overlap: 'logs/old/' overlaps 'logs/' in rule 1. Use prefixes that don't start with one another.",
      },
    ]);
  });

  it('puts CORS rule problems on the rule field', () => {
    const rule = {
      corsRuleName: 'appUploads',
      allowedOrigins: ['https://app.example.com'],
      allowedOperations: ['s3_put'],
      maxAgeSeconds: 3600,
    };
    expect(
      issues(setupRequestSchema, request({ cors: { preset: 'custom', rules: [rule, rule] } })),
    ).toEqual([
      {
        field: 'cors.rules.1.corsRuleName',
        message: "Rule 1 already has the name 'appUploads'. Each rule needs its own name.",
      },
    ]);
  });
});

describe('lifecycleStepSchema', () => {
  it.each([
    [0, 'Number of days must be at least 1.'],
    [1.5, 'Number of days must be a whole number.'],
    [36501, 'Number of days can be at most 36500.'],
    ['7', 'Number of days must be a number.'],
  ])('keepPriorDays refuses %s days', (days, message) => {
    expect(issues(lifecycleStepSchema, { preset: 'keepPriorDays', days })).toEqual([
      { field: 'days', message },
    ]);
  });

  it('fills empty day fields with null', () => {
    expect(
      lifecycleStepSchema.parse({
        preset: 'custom',
        rules: [{ fileNamePrefix: 'a/', daysFromHidingToDeleting: 3 }],
      }),
    ).toEqual({
      preset: 'custom',
      rules: [
        { fileNamePrefix: 'a/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 3 },
      ],
    });
  });

  it('says why a prefix is too long', () => {
    expect(
      issues(lifecycleStepSchema, {
        preset: 'custom',
        rules: [{ fileNamePrefix: 'a'.repeat(1025), daysFromHidingToDeleting: 1 }],
      }),
    ).toEqual([
      {
        field: 'rules.0.fileNamePrefix',
        message: 'A file path prefix can have at most 1024 characters.',
      },
    ]);
  });
});

describe('corsStepSchema', () => {
  it.each(['*', 'https'])("oneOrigin refuses the wildcard '%s'", (origin) => {
    expect(issues(corsStepSchema, { preset: 'oneOrigin', origin })).toEqual([
      { field: 'origin', message: 'Enter one origin, like https://www.example.com.' },
    ]);
  });

  it('oneOrigin refuses an origin with a path', () => {
    expect(
      issues(corsStepSchema, { preset: 'oneOrigin', origin: 'https://app.example.com/uploads' }),
    ).toEqual([
      { field: 'origin', message: "An origin has no path: use 'https://app.example.com'." },
    ]);
  });
});

describe('keyStepSchema', () => {
  it('refuses a key name with a space', () => {
    expect(issues(keyStepSchema, { name: 'my key' })).toEqual([
      { field: 'name', message: "Key names can't contain spaces. Use '-' instead." },
    ]);
  });

  it("refuses a name prefix starting with '/'", () => {
    expect(issues(keyStepSchema, { name: 'k1', namePrefix: '/db/' })).toEqual([
      {
        field: 'namePrefix',
        message: "File names in B2 don't start with '/'. Remove the leading '/'.",
      },
    ]);
  });

  it('keeps expiry below 1000 days', () => {
    expect(keyStepSchema.parse({ name: 'k1', validDays: 999 }).validDays).toBe(999);
    expect(issues(keyStepSchema, { name: 'k1', validDays: 1000 })).toEqual([
      { field: 'validDays', message: 'Days until the key expires can be at most 999.' },
    ]);
  });

  it('refuses an unknown access', () => {
    expect(issues(keyStepSchema, { name: 'k1', access: 'admin' })).toEqual([
      { field: 'access', message: 'Choose the type of access.' },
    ]);
  });
});

describe('targetOptionsSchema', () => {
  it('fills each target’s defaults', () => {
    expect(targetOptionsSchema.parse(EVERY_TARGET_UNSET)).toEqual({
      litestream: { dbPath: '/var/lib/app/app.db', replicaPath: 'app.db' },
      jetbackup: { destinationName: 'Backblaze B2', backupDirectory: 'jetbackup' },
      laravel: { diskName: 'b2' },
      rclone: { remoteName: 'b2' },
      restic: { repositoryPath: 'restic' },
      awsCli: { profile: 'b2' },
    });
  });

  it.each([
    [
      { litestream: { dbPath: 'app.db' } },
      'litestream.dbPath',
      "The database path must be a full path starting with '/', like /var/lib/app/app.db.",
    ],
    [
      { litestream: { replicaPath: '/app.db' } },
      'litestream.replicaPath',
      "The replica path is inside the bucket, so it must not start with '/'.",
    ],
    [
      { litestream: { dbPath: '/srv/$HOME/app.db' } },
      'litestream.dbPath',
      "Litestream reads '$' as the start of an environment variable. Remove the '$'.",
    ],
    [
      { litestream: { dbPath: '/srv/app\n.db' } },
      'litestream.dbPath',
      "The database path can't contain control characters.",
    ],
    [
      { jetbackup: { destinationName: 'x'.repeat(41) } },
      'jetbackup.destinationName',
      'JetBackup destination names can have at most 40 characters.',
    ],
    [
      { jetbackup: { destinationName: 'B2\nbackups' } },
      'jetbackup.destinationName',
      "The destination name can't contain control characters.",
    ],
    [
      { jetbackup: { backupDirectory: '/backups' } },
      'jetbackup.backupDirectory',
      "The backup directory is inside the bucket, so it must not start with '/'.",
    ],
    [{ rclone: { remoteName: '-b2' } }, 'rclone.remoteName', "Remote name can't start with '-'."],
    [
      { rclone: { remoteName: 'my remote' } },
      'rclone.remoteName',
      "Remote name can only use letters, digits, '-' and '_'.",
    ],
    [{ restic: { repositoryPath: '' } }, 'restic.repositoryPath', 'Enter a repository path.'],
    [{ awsCli: { profile: '' } }, 'awsCli.profile', 'Enter a profile name.'],
    [
      { laravel: { appUrl: 'app.example.com' } },
      'laravel.appUrl',
      "'app.example.com' is not an origin. Write the scheme and host, like https://www.example.com.",
    ],
  ])('refuses %j on %s', (options, field, message) => {
    expect(issues(targetOptionsSchema, options)).toEqual([{ field, message }]);
  });

  it('accepts paths with spaces and other characters the generators quote', () => {
    expect(
      targetOptionsSchema.parse({
        litestream: { dbPath: "/srv/my app/it's #1; ok.db", replicaPath: 'db/a b' },
      }).litestream,
    ).toEqual({ dbPath: "/srv/my app/it's #1; ok.db", replicaPath: 'db/a b' });
  });
});

describe('applyRequestSchema', () => {
  it('needs an idempotency key', () => {
    expect(issues(applyRequestSchema, request())).toEqual([
      {
        field: 'idempotencyKey',
        message: 'Send an idempotencyKey with apply, so a retry cannot create things twice.',
      },
    ]);
  });

  it.each([
    ['short', 'idempotencyKey needs at least 8 characters.'],
    ['has spaces in it', "idempotencyKey can only use letters, digits, '-' and '_'."],
    ['k'.repeat(129), 'idempotencyKey can have at most 128 characters.'],
  ])('refuses %s', (idempotencyKey, message) => {
    expect(issues(applyRequestSchema, { ...request(), idempotencyKey })).toEqual([
      { field: 'idempotencyKey', message },
    ]);
  });

  it('keeps the key and the defaults', () => {
    const parsed = applyRequestSchema.parse({ ...request(), idempotencyKey: 'c0ffee-1234' });
    expect(parsed.idempotencyKey).toBe('c0ffee-1234');
    expect(parsed.bucket).toMatchObject({ type: 'allPrivate' });
  });
});

describe('keepCurrent and confirm', () => {
  const existing = {
    target: 'rclone',
    bucket: { mode: 'existing', bucketId: 'b-1' },
    lifecycle: { preset: 'keepCurrent' },
    cors: { preset: 'keepCurrent' },
    key: { name: 'rclone-key' },
  };

  it('keeps an existing bucket’s rules as they are', () => {
    expect(setupRequestSchema.parse(existing)).toMatchObject({
      lifecycle: { preset: 'keepCurrent' },
      cors: { preset: 'keepCurrent' },
    });
  });

  it('is refused for a new bucket, on the step that asks for it, saying why', () => {
    const created = { ...existing, bucket: { mode: 'create', name: 'acme-new-bucket' } };
    const message =
      '“Keep the rules it has now” is only for a bucket you already have. Choose a rule for the new bucket.';
    expect(issues(setupRequestSchema, created)).toEqual([
      { field: 'lifecycle.preset', message },
      { field: 'cors.preset', message },
    ]);
  });

  it('apply takes the consequences the user confirmed, and refuses unknown ones', () => {
    const apply = { ...existing, idempotencyKey: 'apply-12345678' };
    expect(
      applyRequestSchema.parse({ ...apply, confirm: ['deletes_old_versions'] }).confirm,
    ).toEqual(['deletes_old_versions']);
    expect(issues(applyRequestSchema, { ...apply, confirm: ['yes'] })).toEqual([
      {
        field: 'confirm.0',
        message:
          'confirm lists warning codes: deletes_old_versions, removes_cors_rules, object_lock_permanent.',
      },
    ]);
  });

  it('caps custom lifecycle days at 36500, like the preset', () => {
    const rules = [
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1e300 },
    ];
    expect(
      issues(setupRequestSchema, { ...existing, lifecycle: { preset: 'custom', rules } }),
    ).toEqual([
      {
        field: 'lifecycle.rules.0.daysFromHidingToDeleting',
        message:
          'Days until a hidden file is deleted can be at most 36500 (100 years), or left empty to keep files for good.',
      },
    ]);
  });
});

describe('custom CORS rules in the wrong shape', () => {
  it('names the field and shows the shape, never “expected array”', () => {
    const rule = { corsRuleName: 'shop', allowedOperations: 'b2_upload_file', maxAgeSeconds: 60 };
    const found = issues(corsStepSchema, { preset: 'custom', rules: [rule] });
    expect(found).toEqual([
      {
        field: 'rules.0.allowedOrigins',
        message: 'allowedOrigins must be a list, like ["https://www.example.com"].',
      },
      {
        field: 'rules.0.allowedOperations',
        message: 'allowedOperations must be a list, like ["b2_download_file_by_name"].',
      },
    ]);
  });
});
