import { expectNoViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('no step has an axe violation, nor its error and warning states', async ({ wizard, page }) => {
  test.setTimeout(90_000);
  await wizard.open();
  await expectNoViolations(page, 'the first step');
  await wizard.next();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'the first step with its error');
  await wizard.chooseTool('Laravel / Flysystem');
  await expectNoViolations(page, 'the first step with Laravel settings');
  await page
    .getByLabel('Your app’s address (optional)', { exact: true })
    .fill('https://app.example.com');
  await wizard.next();

  await wizard.expectStep('Connect to Backblaze');
  await wizard.button('Connect').click();
  await expectNoViolations(page, 'Connect with its errors');
  await wizard.practiceInSandbox();
  await expectNoViolations(page, 'Connect, connected to the sandbox');
  await wizard.next();

  await wizard.expectStep('Bucket');
  await wizard.bucketName.fill('bad_name');
  await page
    .getByRole('group', { name: 'Object Lock' })
    .getByRole('radio', { name: 'Enable' })
    .check();
  await expectNoViolations(page, 'Bucket with an error and the Object Lock warning');
  await page.getByRole('radio', { name: 'Use a bucket you already have', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Loading your buckets' })).toHaveCount(0);
  await expectNoViolations(page, 'Bucket, choosing an existing one');
  await page.getByRole('radio', { name: 'Create a new bucket', exact: true }).check();
  await page
    .getByRole('group', { name: 'Object Lock' })
    .getByRole('radio', { name: 'Disable' })
    .check();
  await wizard.bucketName.fill(uniqueBucketName('axe'));
  await wizard.next();

  await wizard.expectStep('Lifecycle settings');
  await page.getByRole('radio', { name: 'Use custom lifecycle rules', exact: true }).check();
  await expectNoViolations(page, 'Lifecycle with custom rules');
  await page.getByRole('radio', { name: 'Keep all versions of the file', exact: true }).check();
  await wizard.next();

  await wizard.expectStep('CORS rules');
  await expectNoViolations(page, 'CORS for Laravel');
  await wizard.next();

  await wizard.expectStep('Application key');
  await page.getByLabel('Name of key', { exact: true }).fill('bad name');
  await expectNoViolations(page, 'Application key with an error');
  await page.getByLabel('Name of key', { exact: true }).fill('');
  await wizard.next();

  await wizard.expectStep('Review');
  await expect(wizard.button('Create everything')).toBeEnabled();
  await expectNoViolations(page, 'Review');
  await wizard.createEverything();

  await wizard.expectDone();
  await expectNoViolations(page, 'Done');
});
