import { expect, test } from './fixtures/test';

test('a bucket name another customer owns lands back on “Bucket name”, with a free name offered', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('Litestream');
  // The sandbox pre-seeds a second account that owns this name.
  await wizard.newBucketThenDefaultsToReview('taken-bucket-name');
  await wizard.createEverything();

  await wizard.expectStillOn('Bucket');
  await expect(page).toHaveURL(/\?step=bucket$/);
  await expect(wizard.bucketName).toHaveValue('taken-bucket-name');
  await expect(wizard.bucketName).toHaveAccessibleErrorMessage(/already taken/);
  await expect(wizard.bucketName).toBeFocused();

  const useSuggestion = page.getByRole('button', {
    name: /^Use “taken-bucket-name-[a-z0-9]+” instead$/,
  });
  await expect(useSuggestion).toBeVisible();
  await useSuggestion.click();
  await expect(wizard.bucketName).toHaveValue(/^taken-bucket-name-[a-z0-9]+$/);
  await expect(wizard.bucketName).not.toHaveAttribute('aria-invalid');
});
