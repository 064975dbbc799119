import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../schemas/target-values';
import { customerKeyName } from './customer-label';
import { keyNameProblem } from './key-name';
import { looksMadeByWizard, replacementKeyName } from './wizard-key-names';

describe('looksMadeByWizard', () => {
  it.each([
    // What the Key step proposes: the tool, then the bucket, maybe the customer in front.
    'rclone-acme-files',
    'litestream-backups-18d259',
    'aws-cli-acme-gmbh-s3-files-x7',
    'acme-gmbh-restic-shop-files',
    'Rclone-Files',
    'wizard-key',
    'rclone-acme-files-replaced-20260314',
  ])('recognises %s', (name) => {
    expect(looksMadeByWizard(name)).toBe(true);
  });

  it.each([
    'made-by-test',
    'backup-server',
    'rclone',
    'rclone-',
    'my-rclonefiles',
    'restic_backups',
    'master',
    'wizard-key-2',
  ])('does not take %s for one of its names', (name) => {
    expect(looksMadeByWizard(name)).toBe(false);
  });

  it('recognises every name the Key step proposes for a valid bucket name', () => {
    const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{4,61}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...TARGETS),
        bucketName,
        fc.string({ maxLength: 80 }),
        (target, bucket, customer) => {
          expect(looksMadeByWizard(customerKeyName(target, bucket, customer))).toBe(true);
        },
      ),
    );
  });
});

describe('replacementKeyName', () => {
  const march14 = Date.UTC(2026, 2, 14, 23, 59);

  it('adds the day of the replacement to the old name', () => {
    expect(replacementKeyName('rclone-acme-files', march14)).toBe(
      'rclone-acme-files-replaced-20260314',
    );
  });

  it('puts the new day in place of an earlier replacement’s, so names do not grow', () => {
    expect(replacementKeyName('rclone-acme-files-replaced-20251102', march14)).toBe(
      'rclone-acme-files-replaced-20260314',
    );
  });

  it('cuts a long name to fit B2’s 100 characters', () => {
    const name = replacementKeyName(`${'k'.repeat(95)}-end`, march14);
    expect(name).toBe(`${'k'.repeat(82)}-replaced-20260314`);
    expect(name).toHaveLength(100);
  });

  it('falls back to wizard-key when nothing usable is left', () => {
    expect(replacementKeyName('---', march14)).toBe('wizard-key-replaced-20260314');
  });

  it('is always a valid key name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 0, max: 4e12 }), (old, now) => {
        expect(keyNameProblem(replacementKeyName(old, now))).toBeNull();
      }),
    );
  });
});
