// An existing bucket keeps what it has unless the user changes it; a change that deletes data or
// takes a site's access away is applied only once the user has ticked a box for each.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { uniqueBucketName, type SetupWizardPage } from './fixtures/setup-wizard-page';

const KEEP_PRIOR_30 = [
  { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
];
const SHOP_UPLOADS = [
  {
    corsRuleName: 'shopUploads',
    allowedOrigins: ['https://shop.example.com'],
    allowedOperations: ['b2_upload_file'],
    allowedHeaders: [],
    exposeHeaders: null,
    maxAgeSeconds: 3600,
  },
];

/** rclone in the sandbox, on the seeded bucket, up to the Lifecycle step. */
async function rcloneOnBucket(wizard: SetupWizardPage, page: Page, bucketName: string) {
  await wizard.startInSandbox('rclone');
  await page.getByRole('radio', { name: 'Use a bucket you already have', exact: true }).check();
  await page.getByRole('radio', { name: bucketName, exact: true }).check();
  await wizard.next();
  await wizard.expectStep('Lifecycle settings');
}

test('an existing bucket keeps its lifecycle and CORS rules when the defaults are kept', async ({
  wizard,
  emulator,
  page,
}) => {
  const bucketName = uniqueBucketName('keeps-rules');
  await emulator.seedBucket({ bucketName, lifecycleRules: KEEP_PRIOR_30, corsRules: SHOP_UPLOADS });
  const seeded = (await emulator.state()).buckets.find((b) => b.bucketName === bucketName)!;

  await rcloneOnBucket(wizard, page, bucketName);
  await expect(page.getByRole('radio', { name: 'Keep the rules it has now' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Today’s rules' })).toContainText(
    'Keep prior versions for 30 days',
  );
  await wizard.next();
  await wizard.expectStep('CORS rules');
  await expect(page.getByRole('radio', { name: 'Keep the rules it has now' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Today’s rules' })).toContainText(
    'https://shop.example.com',
  );
  await wizard.next();
  await wizard.expectStep('Application key');
  await wizard.next();
  await wizard.expectStep('Review');
  await expect(page.getByRole('checkbox', { name: /^I understand/ })).toHaveCount(0);
  await expect(wizard.button('Create everything')).toBeEnabled();
  await wizard.createEverything();
  await wizard.expectDone();

  const after = (await emulator.state()).buckets.find((b) => b.bucketName === bucketName)!;
  expect(after.lifecycleRules).toEqual(seeded.lifecycleRules);
  expect(after.corsRules).toEqual(seeded.corsRules);
});

test('a change that deletes old versions and removes web access needs a box ticked for each', async ({
  wizard,
  emulator,
  page,
}) => {
  const bucketName = uniqueBucketName('confirmed');
  await emulator.seedBucket({ bucketName, lifecycleRules: KEEP_PRIOR_30, corsRules: SHOP_UPLOADS });

  await rcloneOnBucket(wizard, page, bucketName);
  const latest = page.getByRole('radio', { name: 'Keep only the last version of the file' });
  await expect(latest).toHaveAccessibleDescription(/Recommended for rclone\. If you choose this/);
  await latest.check();
  await wizard.next();
  await wizard.expectStep('CORS rules');
  await page.getByRole('radio', { name: 'Do not share' }).check();
  await wizard.next();
  await wizard.expectStep('Application key');
  await wizard.next();
  await wizard.expectStep('Review');

  const versions = page.getByRole('checkbox', {
    name: 'I understand that older versions of files will be deleted.',
  });
  const pages = page.getByRole('checkbox', {
    name: 'I understand that web pages will lose access they have today.',
  });
  await expect(versions).toBeVisible();
  await expect(pages).toBeVisible();

  await wizard.createEverything();
  await expect(versions).toHaveAccessibleErrorMessage(
    'Tick this box to go on, or change your choices above.',
  );
  await expect(wizard.stepHeading('Review')).toBeVisible();
  const unchanged = (await emulator.state()).buckets.find((b) => b.bucketName === bucketName)!;
  expect(unchanged.lifecycleRules).toEqual(KEEP_PRIOR_30);

  await versions.check();
  await pages.check();
  await wizard.createEverything();
  await wizard.expectDone();
  const after = (await emulator.state()).buckets.find((b) => b.bucketName === bucketName)!;
  expect(after.lifecycleRules).toEqual([
    { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
  ]);
  expect(after.corsRules).toEqual([]);
});
