import { expect, test } from './fixtures/test';

// The second wizard of playwright.config.ts runs with SANDBOX=off.
test.use({ baseURL: process.env.E2E_NO_SANDBOX_URL });

test('with SANDBOX=off, no step offers or mentions the practice sandbox', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await expect(page.getByText(/sandbox/i)).toHaveCount(0);
  await wizard.chooseTool('Litestream');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await expect(page.getByLabel('Application key ID', { exact: true })).toBeVisible();
  await expect(wizard.button('Connect')).toBeEnabled();
  // The page has asked the server by now: the answer said no sandbox.
  await expect
    .poll(() => page.evaluate(() => fetch('/api/health').then((r) => r.json())))
    .toMatchObject({ sandbox: false });
  await expect(page.getByRole('button', { name: /sandbox/i })).toHaveCount(0);
  await expect(page.getByText(/sandbox/i)).toHaveCount(0);
});
