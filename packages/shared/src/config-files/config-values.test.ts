import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { configValues, EVERY_TARGET_UNSET } from '../../test/config-values-fixture';
import { targetOptionsSchema } from '../schemas/setup-request';
import { DEFAULT_TARGET_OPTIONS, parseEndpoint, targetOptions } from './config-values';

const withEndpoint = (s3Endpoint: string, s3Region = 'us-west-004') => ({
  ...configValues(),
  endpoint: { s3Endpoint, s3Region },
});

describe('DEFAULT_TARGET_OPTIONS', () => {
  it('are the schema defaults', () => {
    expect(DEFAULT_TARGET_OPTIONS).toEqual(targetOptionsSchema.parse(EVERY_TARGET_UNSET));
  });
});

describe('targetOptions', () => {
  it('uses the options given', () => {
    const values = { ...configValues(), options: { rclone: { remoteName: 'backup' } } };
    expect(targetOptions(values, 'rclone')).toEqual({ remoteName: 'backup' });
  });

  it('falls back to the defaults', () => {
    expect(targetOptions(configValues(), 'litestream')).toEqual({
      dbPath: '/var/lib/app/app.db',
      replicaPath: 'app.db',
    });
  });
});

describe('parseEndpoint', () => {
  it('reads a B2 endpoint URL', () => {
    expect(parseEndpoint(configValues())).toEqual({
      url: 'https://s3.us-west-004.backblazeb2.com',
      host: 's3.us-west-004.backblazeb2.com',
      https: true,
      region: 'us-west-004',
    });
  });

  it('drops a trailing slash and takes a bare host as https', () => {
    expect(parseEndpoint(withEndpoint('https://s3.us-west-004.backblazeb2.com/')).url).toBe(
      'https://s3.us-west-004.backblazeb2.com',
    );
    expect(parseEndpoint(withEndpoint('s3.us-west-004.backblazeb2.com')).url).toBe(
      'https://s3.us-west-004.backblazeb2.com',
    );
  });

  it('keeps the port and scheme of a local endpoint', () => {
    expect(parseEndpoint(withEndpoint('http://127.0.0.1:8787', 'us-east-001'))).toEqual({
      url: 'http://127.0.0.1:8787',
      host: '127.0.0.1:8787',
      https: false,
      region: 'us-east-001',
    });
  });

  it.each([
    'https://s3.us-west-004.backblazeb2.com/bucket',
    'ftp://s3.example.com',
    'https://user:pw@host',
    'https://',
    'https://h?x=1',
  ])('refuses %s', (endpoint) => {
    expect(configErrorOf(() => parseEndpoint(withEndpoint(endpoint)))).toEqual({
      field: 'endpoint.s3Endpoint',
      message: `'${endpoint}' is not an S3 endpoint. It should look like https://s3.us-west-004.backblazeb2.com.`,
    });
  });

  it('refuses a region that is not one', () => {
    expect(
      configErrorOf(() =>
        parseEndpoint(withEndpoint('https://s3.us-west-004.backblazeb2.com', 'us west')),
      ),
    ).toEqual({
      field: 'endpoint.s3Region',
      message: "'us west' is not a region. It should look like us-west-004.",
    });
  });
});
