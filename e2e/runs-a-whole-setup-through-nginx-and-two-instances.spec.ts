// The wizard in Chromium through Debian's nginx (examples/nginx.conf: round robin, no sticky
// sessions) in front of two compiled API instances sharing a real Redis, with the practice sandbox
// on one shared emulator. Each instance is restarted once while the wizard is open.
import { bytesOf, uniqueBucketName } from './fixtures/setup-wizard-page';
import { startBehindNginx, type BehindNginx, type Instance } from './fixtures/behind-nginx';
import { expect, test as base } from './fixtures/test';

const test = base.extend<object, { stack: BehindNginx }>({
  stack: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startBehindNginx({ instances: 2, sandbox: true });
      await use(stack);
      await stack.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.url),
});

test('a whole rclone setup through nginx and two instances, each restarted on the way, ends with one bucket and a working key', async ({
  wizard,
  stack,
  page,
}) => {
  test.setTimeout(90_000);
  const [first, second] = stack.instances as [Instance, Instance];
  const bucket = uniqueBucketName('nginx-rclone');

  await wizard.startInSandbox('rclone');
  // The connection lives in Redis: instance 1 goes away and comes back, the wizard goes on.
  expect(await first.stop()).toBe(0);
  await wizard.bucketName.fill(bucket);
  await wizard.next();
  await wizard.expectStep('Lifecycle settings');
  await first.start();
  for (const step of ['CORS rules', 'Application key', 'Review']) {
    await wizard.next();
    await wizard.expectStep(step);
  }
  await expect(wizard.button('Create everything')).toBeEnabled();
  expect(await second.stop()).toBe(0);
  await wizard.createEverything();
  await wizard.expectDone();
  await second.start();

  await expect(page.getByText(/^The new key works: it passed every check/)).toBeVisible();
  const keyId = (await wizard.value('Application key ID').textContent()) ?? '';
  const secret = (await wizard.value('Application key').textContent()) ?? '';
  const conf = (await bytesOf(await wizard.downloadFile('rclone.conf'))).toString('utf8');
  expect(conf).toContain(`account = ${keyId}\n`);
  expect(conf).toContain(`key = ${secret}\n`);

  // The key works on B2 (here the shared sandbox emulator) and is limited to the one bucket.
  const authorized = await page.request.get(`${stack.sandboxUrl}/b2api/v3/b2_authorize_account`, {
    headers: { Authorization: `Basic ${Buffer.from(`${keyId}:${secret}`).toString('base64')}` },
  });
  expect(authorized.status()).toBe(200);
  // b2_authorize_account v3 names the one bucket a key is limited to in apiInfo.storageApi.
  const account = (await authorized.json()) as {
    apiInfo: { storageApi: { bucketName: string | null; capabilities: string[] } };
  };
  expect(account.apiInfo.storageApi.bucketName).toBe(bucket);

  // Round robin reached both instances; neither held the wizard alone.
  expect(first.served()).toBeGreaterThan(0);
  expect(second.served()).toBeGreaterThan(0);
});
