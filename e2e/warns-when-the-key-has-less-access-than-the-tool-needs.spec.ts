import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('a read-only key for Litestream: warned on the key step, and not shown as working on Done', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('Litestream');
  await wizard.bucketName.fill(uniqueBucketName('narrow-key'));
  await wizard.next();
  for (const step of ['Lifecycle settings', 'CORS rules']) {
    await wizard.expectStep(step);
    await wizard.next();
  }
  await wizard.expectStep('Application key');

  await page.getByRole('radio', { name: 'Read only', exact: true }).check();
  const warning = page.getByRole('status').filter({ hasText: 'cannot back up' });
  await expect(warning).toContainText(
    'Litestream cannot back up with a read-only key: it needs to upload files and delete old files.',
  );
  // The step's own explanation follows the choice instead of promising read and write.
  await expect(page.getByText(/The key can reach only this bucket/)).toContainText(
    'to read files, and never change them. That is less than Litestream needs.',
  );

  await wizard.next();
  await wizard.expectStep('Review');
  await expect(wizard.button('Create everything')).toBeEnabled();
  await wizard.createEverything();
  await wizard.expectDone();

  await expect(page.getByText(/The new key works/)).toHaveCount(0);
  await expect(
    page.getByText(/We could not prove that the new key works|The new key failed a check/),
  ).toBeVisible();
  const notChecked = page.getByRole('listitem').filter({ hasText: 'Not checked' });
  await expect(notChecked.first()).toBeVisible();
  for (const item of await notChecked.all()) await expect(item).not.toContainText('✓');
  await expect(page.getByText(/restrictedToBucket|S3: upload|S3: delete/)).toHaveCount(0);
});
