// Reading a setup request into the b2_create_key call it asks for (B2's fields: bucketId or,
// through v4, bucketIds; namePrefix; validDurationInSeconds), and into its plain words.
import { setupRequestSchema } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  describeCors,
  describeLifecycle,
  keyInput,
  sameSet,
} from '../src/services/setup/request-reading';
import { setupRequest } from './helpers';

const parse = (overrides: Parameters<typeof setupRequest>[2] = {}) =>
  setupRequestSchema.parse(setupRequest('restic', 'acme-restic', overrides));
const KEY = { name: 'restic-key', access: 'readWrite' as const };

describe('the key a request asks for', () => {
  it('a key for the bucket only, with no prefix and no end date', () => {
    expect(keyInput(parse(), 'b-1')).toEqual({
      keyName: 'restic-key',
      capabilities: expect.arrayContaining(['listBuckets', 'writeFiles', 'deleteFiles']),
      bucketId: 'b-1',
    });
  });

  it('a key for every bucket, limited to a prefix, for 30 days, without listing bucket names', () => {
    const request = parse({
      key: {
        ...KEY,
        restrictToBucket: false,
        namePrefix: 'db/',
        validDays: 30,
        listAllBucketNames: false,
      },
    });
    const input = keyInput(request, 'b-1');
    expect(input).toMatchObject({
      keyName: 'restic-key',
      namePrefix: 'db/',
      validDurationInSeconds: 2_592_000,
    });
    expect(input).not.toHaveProperty('bucketId');
    expect(input).not.toHaveProperty('bucketIds');
    expect(input.capabilities).not.toContain('listAllBucketNames');
  });

  it('a key for this bucket and others goes as bucketIds, this bucket first', () => {
    const input = keyInput(parse(), 'b-1', ['b-2', 'b-3']);
    expect(input.bucketIds).toEqual(['b-1', 'b-2', 'b-3']);
    expect(input).not.toHaveProperty('bucketId');
  });
});

describe('the request in words', () => {
  it('names the days kept and the one origin', () => {
    const request = parse({
      lifecycle: { preset: 'keepPriorDays', days: 30 },
      cors: { preset: 'oneOrigin', origin: 'https://app.example.com', apis: 'both' },
    });
    expect(describeLifecycle(request)).toMatch(/^Lifecycle: .+ \(30\)\. /);
    expect(describeCors(request)).toMatch(/^CORS: .+ \(https:\/\/app\.example\.com\)/);
    const plain = parse();
    expect(describeLifecycle(plain)).not.toMatch(/\(\d+\)/);
    expect(describeCors(plain)).not.toContain('(');
  });
});

describe('the same set of capabilities', () => {
  it('in any order, and not when one differs', () => {
    expect(sameSet(['readFiles', 'listBuckets'], ['listBuckets', 'readFiles'])).toBe(true);
    expect(sameSet(['readFiles', 'listBuckets'], ['listBuckets', 'writeFiles'])).toBe(false);
    expect(sameSet(['readFiles'], ['readFiles', 'writeFiles'])).toBe(false);
  });
});
