import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('the new application key is never in localStorage, sessionStorage, a cookie or an address', async ({
  wizard,
  page,
}) => {
  const addresses: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) addresses.push(frame.url());
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await wizard.startInSandbox('rclone');
  await wizard.newBucketThenDefaultsToReview(uniqueBucketName('secret'));
  await wizard.createEverything();
  await wizard.expectDone();
  addresses.push(page.url());

  const secret = (await wizard.value('Application key').textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(10);
  await wizard.downloadAll();

  const stored = await page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookies: document.cookie,
  }));
  expect(JSON.stringify(stored)).not.toContain(secret);
  const cookies = await page.context().cookies();
  expect(JSON.stringify(cookies)).not.toContain(secret);
  for (const address of [...addresses, ...requested]) {
    expect(address).not.toContain(secret);
    expect(decodeURIComponent(address)).not.toContain(secret);
  }
  expect(addresses.every((a) => /^http:\/\/127\.0\.0\.1:\d+\/(\?step=[a-z]+)?$/.test(a))).toBe(
    true,
  );
});
