// The dry run before anything is written to B2: the files are rendered once with stand-in IDs,
// and a value no config file can hold is refused as the request field the user typed it in, or,
// when it came from B2 (the endpoint), as a 502 that blames no field.
import {
  ConfigValueError,
  generateFiles,
  setupRequestSchema,
  type ConfigValues,
} from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../src/errors/app-error';
import { checkRenderable } from '../src/services/render-files';
import { setupRequest } from './helpers';

const ENDPOINT = { s3Endpoint: 'https://s3.us-west-004.backblazeb2.com', s3Region: 'us-west-004' };

function seen(request = setupRequestSchema.parse(setupRequest('rclone', 'acme-backups'))) {
  const rendered: ConfigValues[] = [];
  checkRenderable(
    (values) => {
      rendered.push(values);
      return [];
    },
    request,
    ENDPOINT,
  );
  return rendered[0]!;
}

function refusal(field: string) {
  const request = setupRequestSchema.parse(setupRequest('rclone', 'acme-backups'));
  try {
    checkRenderable(
      () => {
        throw new ConfigValueError(field, 'This value cannot go into the file.');
      },
      request,
      ENDPOINT,
    );
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the dry run of the config files', () => {
  it('renders a new bucket under its own name and type, with stand-in IDs and the key’s capabilities', () => {
    const values = seen();
    expect(values.target).toBe('rclone');
    expect(values.bucket).toMatchObject({
      bucketId: '000aaaaaaaaaaaa000000000',
      bucketName: 'acme-backups',
      bucketType: 'allPrivate',
    });
    expect(values.key.applicationKeyId).toBe('000aaaaaaaaaaaa0000000000');
    expect(values.key.applicationKey).toMatch(/^K000A{27}$/);
    expect(values.key.keyName).toBe('rclone-key');
    // rclone is an S3 tool: its key lists all bucket names unless the request says otherwise.
    expect(values.key.capabilities[0]).toBe('listAllBucketNames');
    expect(values.key.namePrefix).toBeNull();
    expect(values.endpoint).toEqual(ENDPOINT);
  });

  it('uses stand-ins that a YAML file holds bare, as it holds B2’s usual IDs', () => {
    const values = seen(setupRequestSchema.parse(setupRequest('litestream', 'acme-db')));
    const yml = generateFiles(values).find((f) => f.filename === 'litestream.yml')!.content;
    expect(yml).toContain('\n        access-key-id: 000aaaaaaaaaaaa0000000000\n');
    expect(yml).toContain(`\n        secret-access-key: K000${'A'.repeat(27)}\n`);
  });

  it('follows the request where it says otherwise: no bucket-name listing, a name prefix, an existing bucket', () => {
    const own = setupRequestSchema.parse(
      setupRequest('rclone', 'acme-backups', {
        key: {
          name: 'rclone-key',
          access: 'readWrite',
          listAllBucketNames: false,
          namePrefix: 'db/',
        },
      }),
    );
    const values = seen(own);
    expect(values.key.capabilities).not.toContain('listAllBucketNames');
    expect(values.key.namePrefix).toBe('db/');
    const existing = setupRequestSchema.parse(
      setupRequest('rclone', 'acme-backups', {
        bucket: { mode: 'existing', bucketId: '4a48fe8875c6214145260818' },
      }),
    );
    expect(seen(existing).bucket).toMatchObject({
      bucketName: 'existing-bucket',
      bucketType: 'allPrivate',
    });
  });

  it.each([
    ['bucket.bucketName', 'bucket.name'],
    ['key.keyName', 'key.name'],
    ['key.namePrefix', 'key.namePrefix'],
    ['options.litestreamDbPath', 'options.litestreamDbPath'],
  ])('when %s cannot go into a file, then 400 names the request field %s', (valuesField, field) => {
    const error = refusal(valuesField);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_request',
      field,
      message: 'This value cannot go into the file.',
      issues: [{ field, message: 'This value cannot go into the file.' }],
    });
  });

  it('when the endpoint B2 gave cannot go into a file, then 502 unusable_endpoint, with no field', () => {
    const error = refusal('endpoint.s3Endpoint');
    expect(error).toMatchObject({
      status: 502,
      code: 'unusable_endpoint',
      field: undefined,
      logDetail: 'config check: endpoint.s3Endpoint',
    });
  });

  it('when rendering fails for another reason, then that error goes up as it is', () => {
    const request = setupRequestSchema.parse(setupRequest('rclone', 'acme-backups'));
    const bug = new TypeError('a generator bug');
    expect(() =>
      checkRenderable(
        () => {
          throw bug;
        },
        request,
        ENDPOINT,
      ),
    ).toThrow(bug);
  });
});
