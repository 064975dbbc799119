import { expectNoViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('a new bucket with Object Lock and 30 days governance shows it on Review and Done', async ({
  wizard,
  page,
}) => {
  test.setTimeout(90_000);
  await wizard.startInSandbox('restic');
  await wizard.bucketName.fill(uniqueBucketName('locked'));
  await page.getByRole('radio', { name: 'Enable', exact: true }).check();
  const modes = page.getByRole('group', { name: 'Retention mode' });
  await expect(modes).toBeVisible();
  await expect(
    page.getByText(
      /A locked file cannot be deleted, so it is billed until its retention period ends\./,
    ),
  ).toBeVisible();

  await wizard.next();
  await expect(
    page.getByText('Choose the retention mode: "governance" or "compliance".'),
  ).toBeVisible();
  await wizard.expectStillOn('Bucket');
  await expectNoViolations(page, 'the Bucket step with retention errors');

  await modes.getByRole('radio', { name: /^Governance/ }).check();
  await page.getByLabel('Retention period', { exact: true }).fill('30');
  await expectNoViolations(page, 'the Bucket step with retention');
  await wizard.next();
  for (const step of ['Lifecycle settings', 'CORS rules', 'Application key', 'Review']) {
    await wizard.expectStep(step);
    if (step !== 'Review') await wizard.next();
  }
  await expect(page.getByRole('main')).toContainText('Files locked: Governance, 30 days.');
  await expect(page.getByRole('main')).toContainText(
    'Set Object Lock retention on the bucket: Governance, 30 days',
  );
  await expectNoViolations(page, 'Review with retention');
  await page
    .getByRole('checkbox', {
      name: 'I understand that Object Lock can never be turned off for this bucket.',
    })
    .check();
  await wizard.createEverything();
  await wizard.expectDone();
  await expect(page.getByRole('main')).toContainText(
    'Object Lock retention set on the bucket: Files uploaded from now on are locked: Governance, 30 days.',
  );
  await expectNoViolations(page, 'Done with retention');
});
