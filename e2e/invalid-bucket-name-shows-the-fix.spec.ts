import { expect, test } from './fixtures/test';

test('an invalid bucket name says, as it is typed, how to fix it, and the step does not move on', async ({
  wizard,
}) => {
  await wizard.startInSandbox('rclone');
  await wizard.bucketName.fill('My_Bucket');
  await expect(wizard.bucketName).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.bucketName).toHaveAccessibleErrorMessage(
    "Bucket names can't contain '_'. Use '-' instead.",
  );

  await wizard.bucketName.fill('abc');
  await expect(wizard.bucketName).toHaveAccessibleErrorMessage(
    'Bucket names need at least 6 characters. Add 3 more.',
  );

  await wizard.next();
  await wizard.expectStillOn('Bucket');
  await expect(wizard.bucketName).toBeFocused();

  await wizard.bucketName.fill('my-rclone-bucket');
  await expect(wizard.bucketName).not.toHaveAttribute('aria-invalid');
});
