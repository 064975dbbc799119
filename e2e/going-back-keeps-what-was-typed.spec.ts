import { expect, test } from './fixtures/test';

test('going back, with Back or the browser’s back button, keeps what was typed and chosen', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('restic');
  await expect(page).toHaveURL(/\?step=bucket$/);
  await wizard.bucketName.fill('my-restic-repo');
  await wizard.next();
  await wizard.expectStep('Lifecycle settings');
  await expect(page).toHaveURL(/\?step=lifecycle$/);

  await wizard.back();
  await wizard.expectStep('Bucket');
  await expect(wizard.bucketName).toHaveValue('my-restic-repo');

  await wizard.bucketName.fill('my-restic-repo-2');
  await wizard.next();
  await page
    .getByRole('radio', { name: 'Keep prior versions for this number of days', exact: true })
    .check();
  await page.getByLabel('Number of days', { exact: true }).fill('14');
  await page.goBack();
  await wizard.expectStep('Bucket');
  await expect(wizard.bucketName).toHaveValue('my-restic-repo-2');

  await page.goForward();
  await wizard.expectStep('Lifecycle settings');
  await expect(
    page.getByRole('radio', { name: 'Keep prior versions for this number of days', exact: true }),
  ).toBeChecked();
  await expect(page.getByLabel('Number of days', { exact: true })).toHaveValue('14');

  await page.goBack();
  await page.goBack();
  await wizard.expectStep('Connect to Backblaze');
  await page.goBack();
  await wizard.expectStep('What are you setting up?');
  await expect(page.getByRole('radio', { name: 'restic', exact: true })).toBeChecked();
});
