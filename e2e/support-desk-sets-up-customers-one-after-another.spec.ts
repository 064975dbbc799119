// The support desk's day: two customers over one connection, the second from "Same settings",
// the history with undo, and a saved recipe that makes the same plan again.
import type { Page } from '@playwright/test';
import { expectNoViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { bytesOf, type SetupWizardPage } from './fixtures/setup-wizard-page';

const customerField = (page: Page) =>
  page.getByLabel('Customer or ticket (optional)', { exact: true });
const recipeField = (page: Page) =>
  page.getByLabel('Start from a saved recipe (optional)', { exact: true });

/** From the Bucket step to Review with the proposed names; answers the names and Review's text. */
async function namesAsProposedToReview(wizard: SetupWizardPage, page: Page, slug: string) {
  await expect(wizard.bucketName).toHaveValue(new RegExp(`^${slug}-rclone-files-[a-z0-9]+$`));
  const bucket = await wizard.bucketName.inputValue();
  await wizard.next();
  for (const step of ['Lifecycle settings', 'CORS rules', 'Application key']) {
    await wizard.expectStep(step);
    await wizard.next();
  }
  await wizard.expectStep('Review');
  await expect(wizard.button('Create everything')).toBeEnabled();
  const key = `rclone-${bucket}`;
  const plan = (await page.getByRole('main').innerText())
    .replaceAll(key, '<key>')
    .replaceAll(bucket, '<bucket>');
  return { bucket, key, plan };
}

test('two customers over one connection, history with undo, and a recipe', async ({
  wizard,
  page,
  emulator,
}) => {
  test.setTimeout(180_000);
  await wizard.open();
  await customerField(page).fill('Acme GmbH');
  await wizard.chooseTool('rclone');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await wizard.practiceInSandbox();
  await wizard.next();
  await wizard.expectStep('Bucket');
  // A choice away from rclone's default, for "Same settings" to carry.
  await wizard.next();
  await wizard.expectStep('Lifecycle settings');
  await page.getByRole('radio', { name: 'Keep all versions of the file', exact: true }).check();
  await wizard.back();
  await wizard.expectStep('Bucket');
  const acme = await namesAsProposedToReview(wizard, page, 'acme-gmbh');
  await wizard.createEverything();
  await wizard.expectDone();

  const secret = (await wizard.value('Application key').textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(10);
  const summary = (await bytesOf(await wizard.downloadFile('SETUP-SUMMARY.md'))).toString('utf8');
  expect(summary).toMatch(/\n- Date: \d{4}-\d\d-\d\d \d\d:\d\d UTC\n- Account ID: [0-9a-f]+\n/);
  expect(summary).toContain('\n- Customer or ticket: Acme GmbH\n');
  expect(summary).toContain('\n- Practice sandbox: made in the wizard’s practice sandbox');
  expect(summary).toContain(`\n- Name: ${acme.bucket}\n- Made by this setup.\n`);
  expect(summary).not.toContain(secret);
  expect(summary).not.toContain('`');

  // The print-ready page: only the summary is there on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(
    page.getByRole('heading', { level: 2, name: `Backblaze B2 setup: ${acme.bucket}` }),
  ).toBeVisible();
  await expect(wizard.button('Forget my credentials')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(wizard.button('Print or save as PDF')).toBeVisible();

  const saving = page.waitForEvent('download');
  await wizard.button('Save these settings').click();
  const recipeFile = await saving;
  expect(recipeFile.suggestedFilename()).toBe('b2-setup-recipe-rclone.json');
  const recipeBytes = await bytesOf(recipeFile);
  const recipe = JSON.parse(recipeBytes.toString('utf8')) as Record<string, unknown>;
  expect(recipe).toMatchObject({
    format: 'b2-setup-wizard-recipe',
    version: 1,
    target: 'rclone',
    bucket: { mode: 'create', type: 'allPrivate', objectLock: false },
    lifecycle: { preset: 'keepAll' },
  });
  for (const word of [acme.bucket, acme.key, 'Acme', secret]) {
    expect(recipeBytes.toString('utf8')).not.toContain(word);
  }

  // The second customer: same settings, only the names are new.
  await page.getByLabel('I have saved the application key', { exact: true }).check();
  await page.getByLabel('Same settings as the last one', { exact: true }).check();
  await wizard.button('Set up another').click();
  await wizard.expectStep('What are you setting up?');
  await expect(page.getByRole('radio', { name: 'rclone', exact: true })).toBeChecked();
  await expect(customerField(page)).toHaveValue('');
  await customerField(page).fill('Beta Ltd #7');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await expect(page.getByLabel('Application key ID', { exact: true })).toHaveCount(0);
  await wizard.next();
  await wizard.expectStep('Bucket');
  const beta = await namesAsProposedToReview(wizard, page, 'beta-ltd-7');
  expect(beta.plan).toBe(acme.plan);
  await wizard.createEverything();
  await wizard.expectDone();

  // History: both, without a secret; undo the first.
  await wizard.button('Show the history').click();
  const acmeItem = page.getByRole('article', { name: 'Setup for Acme GmbH', exact: true });
  const betaItem = page.getByRole('article', { name: 'Setup for Beta Ltd #7', exact: true });
  await expect(acmeItem).toContainText(acme.bucket);
  await expect(betaItem).toContainText(beta.bucket);
  await expectNoViolations(page, 'Done with the history');
  await acmeItem.getByRole('button', { name: 'Undo', exact: true }).click();
  const question = page.getByRole('alertdialog', { name: 'Undo the setup for Acme GmbH?' });
  await expect(question).toContainText(`the application key “${acme.key}”`);
  await expect(question).toContainText(`the bucket “${acme.bucket}” if it holds no files`);
  await expectNoViolations(page, 'the undo question');
  await question.getByRole('button', { name: 'Undo the setup', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone.' })).toContainText(
    `and the bucket “${acme.bucket}”.`,
  );
  await expect(acmeItem.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  await expect(betaItem.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await expectNoViolations(page, 'the history after an undo');
  await expect
    .poll(async () => (await emulator.state()).buckets.map((b) => b.bucketName))
    .toContain(beta.bucket);
  const names = (await emulator.state()).buckets.map((b) => b.bucketName);
  expect(names).not.toContain(acme.bucket);

  // A fresh start from the saved recipe: a broken file is refused, the saved one makes the same plan.
  await page.getByLabel('I have saved the application key', { exact: true }).check();
  await wizard.button('Set up another').click();
  await wizard.expectStep('What are you setting up?');
  await recipeField(page).setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...recipe, key: { access: 'everything' } })),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'broken.json is not a recipe the wizard can use. key.access: Choose the type of access.',
  );
  await expectNoViolations(page, 'the first step with a broken recipe');
  await recipeField(page).setInputFiles({
    name: 'b2-setup-recipe-rclone.json',
    mimeType: 'application/json',
    buffer: recipeBytes,
  });
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toHaveText(
    'Loaded b2-setup-recipe-rclone.json. Check each step, then fill in the names.',
  );
  await expect(page.getByRole('radio', { name: 'rclone', exact: true })).toBeChecked();
  await customerField(page).fill('Acme GmbH');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await wizard.next();
  await wizard.expectStep('Bucket');
  const again = await namesAsProposedToReview(wizard, page, 'acme-gmbh');
  expect(again.plan).toBe(acme.plan);
});
