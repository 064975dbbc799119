import { expect, test } from './fixtures/test';
import { EMULATOR_MASTER_KEY, EMULATOR_MASTER_KEY_ID } from './fixtures/emulator-admin';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('when B2 answers 503 while the key is made, Retry finishes with one bucket and one key', async ({
  wizard,
  emulator,
  page,
}) => {
  test.setTimeout(90_000);
  const bucket = uniqueBucketName('retry');
  await wizard.open();
  await wizard.chooseTool('restic');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await wizard.connectWithKey(EMULATOR_MASTER_KEY_ID, EMULATOR_MASTER_KEY);
  await expect(page.getByRole('heading', { level: 2, name: 'You are connected' })).toBeVisible();
  await wizard.next();
  await wizard.expectStep('Bucket');
  await wizard.newBucketThenDefaultsToReview(bucket);

  // Until cleared, so the API's own retries of the call also meet it.
  await emulator.injectFault({
    call: 'b2_create_key',
    status: 503,
    code: 'service_unavailable',
    retryAfter: 1,
    times: null,
  });
  await wizard.createEverything();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Backblaze is busy or briefly unavailable.', {
    timeout: 60_000,
  });
  await expect(alert).toContainText(`The bucket “${bucket}”`);
  await expect(alert).toContainText('No application key was created yet.');

  await emulator.clearFaults();
  await wizard.button('Retry').click();
  await wizard.expectDone();
  await expect(wizard.value('Bucket name')).toHaveText(bucket);

  const state = await emulator.state();
  const buckets = state.buckets.filter((b) => b.bucketName === bucket);
  expect(buckets).toHaveLength(1);
  expect(state.keys.filter((k) => k.bucketId === buckets[0]!.bucketId)).toHaveLength(1);
});
