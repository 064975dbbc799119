// A name the account already owns is said on the Bucket step, in one sentence, with the bucket
// one click away: not after "Create everything".
import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('a name you already own is said on the Bucket step, with that bucket one click away', async ({
  wizard,
  emulator,
  page,
}) => {
  const bucketName = uniqueBucketName('owned');
  await emulator.seedBucket({ bucketName });
  await wizard.startInSandbox('Litestream');

  await wizard.bucketName.fill(bucketName.toUpperCase());
  await expect(wizard.bucketName).toHaveAccessibleErrorMessage(
    `You already have a bucket named “${bucketName}”: use it below, or type another name for a new one.`,
  );
  await wizard.next();
  await wizard.expectStillOn('Bucket');

  await wizard.button('Use a bucket you already have').click();
  await expect(
    page.getByRole('radio', { name: 'Use a bucket you already have', exact: true }),
  ).toBeChecked();
  await expect(page.getByRole('radio', { name: bucketName, exact: true })).toBeChecked();
  await wizard.next();
  await wizard.expectStep('Lifecycle settings');
  await expect(page.getByRole('radio', { name: 'Keep the rules it has now' })).toBeChecked();
});
