import { expect, test } from './fixtures/test';

test('a wrong application key says plainly that Backblaze refused it and what to check', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.chooseTool('AWS CLI / other S3 tool');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');

  await wizard.connectWithKey('0041234567890ab0000000001', 'K004ThisIsNotTheRightKeyAtAll');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Backblaze did not accept this application key ID and key.', {
    timeout: 15_000,
  });
  await expect(alert).toContainText(
    'Check that you pasted the key ID into "Application key ID" and the secret into "Application key"',
  );
  await expect(page.getByLabel('Application key ID', { exact: true })).toBeVisible();
  await expect(wizard.button('Next')).toHaveCount(0);
});
