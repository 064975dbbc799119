import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('leaving the page asks first while the application key is not saved, and not after', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('restic');
  await wizard.newBucketThenDefaultsToReview(uniqueBucketName('leave'));
  await wizard.createEverything();
  await wizard.expectDone();

  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  // A page must have been used before browsers allow it to ask.
  await page.getByRole('heading', { level: 2, name: 'Check of the new key' }).click();
  await page.reload({ timeout: 3_000 }).catch(() => undefined);
  expect(asked).toEqual(['beforeunload']);
  await wizard.expectDone();

  await page.getByRole('checkbox', { name: 'I have saved the application key' }).check();
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await wizard.expectStillOn('What are you setting up?');
});
