// The bugs found by trying the wizard as a new user would, each as the user meets it.
import type { APIRequestContext } from '@playwright/test';
import {
  EMULATOR_MASTER_KEY,
  EMULATOR_MASTER_KEY_ID,
  EMULATOR_URL,
} from './fixtures/emulator-admin';
import { expect, test } from './fixtures/test';

/** A key made the way today's console makes one: through B2 API v4, for one bucket. */
async function bucketKey(request: APIRequestContext) {
  const basic = Buffer.from(`${EMULATOR_MASTER_KEY_ID}:${EMULATOR_MASTER_KEY}`).toString('base64');
  const auth = await (
    await request.get(`${EMULATOR_URL}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: `Basic ${basic}` },
    })
  ).json();
  const call = async (name: string, body: object) =>
    (
      await request.post(`${auth.apiUrl}/b2api/v4/${name}`, {
        headers: { Authorization: auth.authorizationToken },
        data: { accountId: auth.accountId, ...body },
      })
    ).json();
  const bucketName = `one-bucket-${Date.now().toString(36)}`;
  const bucket = await call('b2_create_bucket', { bucketName, bucketType: 'allPrivate' });
  const key = await call('b2_create_key', {
    keyName: 'console-made',
    capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
    bucketIds: [bucket.bucketId],
  });
  return { bucketName, keyId: String(key.applicationKeyId), key: String(key.applicationKey) };
}

test('a key restricted to one bucket gets one clear message, never “You can set up that bucket” beside it', async ({
  wizard,
  page,
  playwright,
}) => {
  const request = await playwright.request.newContext();
  const made = await bucketKey(request);
  await request.dispose();
  await wizard.open();
  await wizard.chooseTool('rclone');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await wizard.connectWithKey(made.keyId, made.key);
  await expect(
    page.getByText(
      `This key works only with the bucket “${made.bucketName}”, so it can’t finish a setup.`,
    ),
  ).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/You can set up that bucket/)).toHaveCount(0);
  await expect(page.getByText(/did not accept this application key/)).toHaveCount(0);
});

test('when Backblaze is busy at Connect, the page says to try again, never to press a Retry it lacks', async ({
  wizard,
  page,
  emulator,
}) => {
  await wizard.open();
  await wizard.chooseTool('Litestream');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await emulator.injectFault({ call: 'b2_authorize_account', status: 503, times: null });
  await wizard.connectWithKey(EMULATOR_MASTER_KEY_ID, EMULATOR_MASTER_KEY);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('try again', { timeout: 20_000 });
  await expect(alert).not.toContainText('Retry');
  await expect(wizard.button('Retry')).toHaveCount(0);
});

test('a custom lifecycle day count beyond 100 years is refused on its field, not sent to B2', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('rclone');
  await wizard.bucketName.fill(`days-${Date.now().toString(36)}`);
  await wizard.next();
  await wizard.expectStep('Lifecycle settings');
  await page.getByRole('radio', { name: 'Use custom lifecycle rules' }).check();
  const days = page.getByLabel('Days until a hidden file is deleted').first();
  await days.fill('36501');
  await wizard.next();
  await expect(
    page.getByText(
      'Days until a hidden file is deleted can be at most 36500 (100 years), or left empty to keep files for good.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Lifecycle settings' })).toBeVisible();
});

test('the words read as sentences: no “rule(s)”, and an expiring key names the tool plainly', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('Something else');
  await wizard.bucketName.fill(`words-${Date.now().toString(36)}`);
  await wizard.next();
  await expect(page.getByText(/nothing that is overwritten or deleted is lost/)).toBeVisible();
  for (const step of ['CORS rules', 'Application key']) {
    await wizard.next();
    await wizard.expectStep(step);
  }
  await page.getByLabel('Days until the key expires').fill('30');
  await wizard.next();
  await wizard.expectStep('Review');
  await expect(
    page.getByText(
      'The new key stops working after 30 days; then give your tool a new one, or it stops working too.',
    ),
  ).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/rule\(s\)|will then fail until/)).toHaveCount(0);
});
