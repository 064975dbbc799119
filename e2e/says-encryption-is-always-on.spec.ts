import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

const ALWAYS_ON = 'Encryption: always on. Backblaze encrypts every file it stores.';
const SWITCHING_OVER =
  'Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing.';

/** Nothing on the page says encryption is off, nor offers a way to turn it on or off. */
async function expectNoEncryptionChoice(page: Page): Promise<void> {
  await expect(page.getByRole('main')).not.toContainText(/encryption:? (is )?off/i);
  await expect(page.getByRole('main')).not.toContainText(/\bdisabled\b/i);
  await expect(page.getByRole('group', { name: /encryption/i })).toHaveCount(0);
  for (const role of ['checkbox', 'switch', 'radio'] as const) {
    await expect(page.getByRole(role, { name: /encrypt/i })).toHaveCount(0);
  }
}

test('says encryption is always on, on the Bucket step and on Review, with nothing to switch', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('Litestream');
  const onBucket = page.getByText(ALWAYS_ON);
  await expect(onBucket).toBeVisible();
  await expect(onBucket).toContainText('(SSE-B2, AES-256)');
  await expectNoEncryptionChoice(page);

  await wizard.newBucketThenDefaultsToReview(uniqueBucketName('always-on'));
  const onReview = page.getByRole('definition').filter({ hasText: ALWAYS_ON });
  await expect(onReview).toBeVisible();
  await expect(onReview).toContainText('(SSE-B2, AES-256)');
  await expectNoEncryptionChoice(page);
});

test('an existing bucket that still reads “none” is being switched over, never “off”', async ({
  wizard,
  emulator,
  page,
}) => {
  const legacy = uniqueBucketName('legacy');
  await emulator.seedBucket({ bucketName: legacy, legacyEncryption: true });
  await wizard.startInSandbox('Litestream');
  await page.getByRole('radio', { name: 'Use a bucket you already have', exact: true }).check();
  await page.getByRole('radio', { name: legacy, exact: true }).check();
  await expect(page.getByText(SWITCHING_OVER)).toBeVisible();
  await expectNoEncryptionChoice(page);
  await wizard.next();

  for (const step of ['Lifecycle settings', 'CORS rules', 'Application key']) {
    await wizard.expectStep(step);
    await wizard.next();
  }
  await wizard.expectStep('Review');
  await expect(
    page.getByRole('definition').filter({ hasText: `Your bucket “${legacy}”` }),
  ).toContainText(SWITCHING_OVER);
  await expectNoEncryptionChoice(page);
});
