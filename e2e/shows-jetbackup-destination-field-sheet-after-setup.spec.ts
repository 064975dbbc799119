import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('a JetBackup setup ends with the destination form’s fields, named as JetBackup names them', async ({
  wizard,
}) => {
  const bucket = uniqueBucketName('jetbackup');
  await wizard.startInSandbox('JetBackup');
  await wizard.newBucketThenDefaultsToReview(bucket);
  await wizard.createEverything();
  await wizard.expectDone();

  const keyId = (await wizard.value('Application key ID').textContent()) ?? '';
  const secret = (await wizard.value('Application key').textContent()) ?? '';
  const sheet = wizard.file('jetbackup-destination.txt');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Destination Type: Backblaze');
  await expect(sheet).toContainText('Destination Name: Backblaze B2');
  await expect(sheet).toContainText('Backup Directory: jetbackup');
  await expect(sheet).toContainText(`Account ID (this is the Key ID): ${keyId}`);
  await expect(sheet).toContainText(`Application Key: ${secret}`);
  await expect(sheet).toContainText(`Bucket: ${bucket}`);
  await expect(sheet).toContainText('Upload Retries: 3');
  await expect(wizard.page.getByRole('group', { name: 'Application key ID' })).toContainText(
    'JetBackup calls it “Account ID”',
  );
});
