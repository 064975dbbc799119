import { describe, expect, it } from 'vitest';
import { customerSchema, setupRequestSchema } from '../schemas/setup-request';
import { bucketNameProblem } from './bucket-name';
import { keyNameProblem } from './key-name';
import {
  customerBucketName,
  customerKeyName,
  customerProblem,
  customerSlug,
} from './customer-label';

describe('customer label', () => {
  it('takes any letters, up to 80 characters, and names the field when it is too long', () => {
    expect(customerProblem('Müller & Söhne GmbH — Ticket #4512')).toBeNull();
    expect(customerProblem('株式会社サンプル')).toBeNull();
    expect(customerProblem('x'.repeat(80))).toBeNull();
    expect(customerProblem('x'.repeat(81))).toBe(
      'Customer or ticket can have at most 80 characters. Remove 1.',
    );
    expect(customerProblem('Acme\nInc')).toBe(
      'Customer or ticket can’t hold line breaks, tabs or other hidden characters.',
    );
  });

  it('is optional in the SetupRequest, trimmed, and an empty one is none', () => {
    expect(customerSchema.parse('  Acme #12 ')).toBe('Acme #12');
    expect(customerSchema.parse('   ')).toBeUndefined();
    const request = {
      target: 'rclone',
      customer: 'y'.repeat(81),
      bucket: { mode: 'create', name: 'acme-files-1' },
      lifecycle: { preset: 'keepAll' },
      cors: { preset: 'none' },
      key: { name: 'acme-key' },
    };
    const parsed = setupRequestSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['customer', 'Customer or ticket can have at most 80 characters. Remove 1.'],
    ]);
    const { customer: _none, ...without } = request;
    expect(setupRequestSchema.safeParse(without).success).toBe(true);
  });

  it('becomes name material of lower-case letters, digits and single hyphens', () => {
    expect(customerSlug('Müller & Söhne GmbH #4512')).toBe('muller-sohne-gmbh-4512');
    expect(customerSlug('  Straße / Ærø  ')).toBe('strasse-aero');
    expect(customerSlug('株式会社')).toBe('');
    expect(customerSlug(undefined)).toBe('');
  });

  it('goes in front of the proposed bucket name, within 50 characters', () => {
    expect(customerBucketName('rclone-files-x7k2p9', 'Müller & Söhne GmbH #4512')).toBe(
      'muller-sohne-gmbh-4512-rclone-files-x7k2p9',
    );
    expect(customerBucketName('rclone-files-x7k2p9', '')).toBe('rclone-files-x7k2p9');
    expect(customerBucketName('rclone-files-x7k2p9', '株式会社')).toBe('rclone-files-x7k2p9');
    const long = customerBucketName('litestream-backups-x7k2p9', 'A very long customer name, Ltd.');
    expect(long).toBe('a-very-long-customer-nam-litestream-backups-x7k2p9');
    // B2 keeps names starting with "b2-" for itself.
    expect(customerBucketName('my-files-abc123', 'B2 Corp')).toBe('b2corp-my-files-abc123');
    expect(customerBucketName('my-files-abc123', 'B2')).toBe('b2my-files-abc123');
  });

  it('proposes names B2 accepts for any label', () => {
    for (const label of ['B2', 'b2-', '-x-', 'ÄÖÜ', '9'.repeat(80), 'a  b', '#', 'Zoë’s café']) {
      const bucket = customerBucketName('s3-files-ab12cd', label);
      expect(bucketNameProblem(bucket), `${label} → ${bucket}`).toBeNull();
      expect(bucket.length).toBeLessThanOrEqual(50);
      expect(keyNameProblem(customerKeyName('aws-cli', 'shared-files', label))).toBeNull();
    }
  });

  it('puts the customer in the key name once, also for an existing bucket', () => {
    expect(customerKeyName('rclone', 'acme-rclone-files-x7', 'Acme')).toBe(
      'rclone-acme-rclone-files-x7',
    );
    expect(customerKeyName('rclone', 'shared-files', 'Acme')).toBe('acme-rclone-shared-files');
    expect(customerKeyName('rclone', 'shared-files', undefined)).toBe('rclone-shared-files');
    expect(customerKeyName('rclone', 'x'.repeat(96), 'Acme').length).toBeLessThanOrEqual(100);
  });
});
