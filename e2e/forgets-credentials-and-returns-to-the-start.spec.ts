import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('“Forget my credentials” ends the session, forgets the key and goes back to the start', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('AWS CLI / other S3 tool');
  await wizard.newBucketThenDefaultsToReview(uniqueBucketName('forget'));
  await wizard.createEverything();
  await wizard.expectDone();

  await wizard.button('Forget my credentials').click();
  await expect(page.getByRole('alert')).toContainText(
    'You have not saved the application key yet.',
  );
  await wizard.button('Forget my credentials').click();

  await wizard.expectStep('What are you setting up?');
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('radio', { name: 'AWS CLI / other S3 tool', exact: true }),
  ).not.toBeChecked();
  const session = await page.request.get('/api/session');
  expect(session.status()).toBe(401);

  await page.goBack();
  await expect(wizard.stepHeading('Your setup is ready')).toHaveCount(0);
});
