import { expect, test } from './fixtures/test';

test('the first step loads and works without console errors or Content-Security-Policy reports', async ({
  wizard,
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.exposeFunction('reportCspViolation', (what: string) => problems.push(`CSP: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (what: string) => void })
        .reportCspViolation;
      report(`${event.violatedDirective} in ${event.sourceFile}`);
    });
  });

  await wizard.open();
  await wizard.next();
  await expect(page.getByRole('alert')).toHaveText('Choose what you are setting up.');
  await wizard.chooseTool('Litestream');
  await expect(page.getByLabel('Database file on your server', { exact: true })).toHaveValue(
    '/var/lib/app/app.db',
  );
  expect(problems).toEqual([]);
});
