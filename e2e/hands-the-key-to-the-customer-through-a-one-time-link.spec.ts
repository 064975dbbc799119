import { expectNoViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('a one-time link shows the customer the key once, refuses a second look, and a revoked link is refused', async ({
  wizard,
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await wizard.startInSandbox('AWS CLI / other S3 tool');
  await wizard.newBucketThenDefaultsToReview(uniqueBucketName('handover'));
  await wizard.createEverything();
  await wizard.expectDone();
  const secret = (await wizard.value('Application key').textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(10);

  await wizard.button('Prepare a one-time link').click();
  await wizard.button('Make a one-time link').click();
  const linkValue = page
    .getByRole('group', { name: 'One-time link', exact: true })
    .getByRole('code');
  await expect(linkValue).toHaveText(/\/handover\/[\w-]{22}#[\w-]{43}$/);
  const link = (await linkValue.textContent()) ?? '';
  await expect(page.getByText(/^Opens once, until \d{4}-\d\d-\d\d \d\d:\d\d UTC\./)).toBeVisible();

  // The customer: another browser, no session.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  const reads: string[] = [];
  customer.on('request', (request) => {
    if (request.url().includes('/api/handovers/'))
      reads.push(`${request.method()} ${request.url()}`);
  });
  await customer.goto(link);
  await expect(
    customer.getByRole('heading', { level: 1, name: 'Your Backblaze B2 key' }),
  ).toBeVisible();
  await expect(
    customer.getByRole('group', { name: 'Application key', exact: true }).getByRole('code'),
  ).toHaveText(secret);
  await expect(customer.getByRole('article', { name: 'aws-config', exact: true })).toBeVisible();
  await expectNoViolations(customer, 'the handover page with the key');
  // One POST, and the key after "#" went nowhere.
  expect(reads).toHaveLength(1);
  expect(reads[0]).toMatch(/^POST .*\/api\/handovers\/[\w-]{22}$/);
  expect(reads[0]).not.toContain('#');

  await customer.reload();
  await expect(
    customer.getByRole('heading', { level: 1, name: 'This link was already opened' }),
  ).toBeVisible();
  await expect(
    customer.getByText('Ask the person who sent you this link to send a new one.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(customer.getByText(secret)).toHaveCount(0);
  await expectNoViolations(customer, 'the handover page of a link already opened');

  // The sender makes a second link, then thinks better of it.
  await wizard.button('Make another link').click();
  await expect(linkValue).not.toHaveText(link);
  const second = (await linkValue.textContent()) ?? '';
  await wizard.button('Revoke this link').click();
  await expect(page.getByText('This link is revoked: it no longer opens.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /: Opened$/ })).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: /: Revoked$/ })).toHaveCount(1);

  await customer.goto(second);
  await expect(
    customer.getByRole('heading', { level: 1, name: 'This link was revoked' }),
  ).toBeVisible();
  await expectNoViolations(customer, 'the handover page of a revoked link');

  await customer.goto(second.split('#')[0]!);
  await expect(
    customer.getByRole('heading', { level: 1, name: 'This link is incomplete' }),
  ).toBeVisible();
  await expectNoViolations(customer, 'the handover page of a link without its key');
  await customerContext.close();
});
