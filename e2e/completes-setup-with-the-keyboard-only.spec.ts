import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

/** Press Tab until the control has focus, as a keyboard user would. */
async function tabTo(page: Page, control: Locator, most = 40): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await control.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(control, 'reachable with the Tab key').toBeFocused();
}

async function press(page: Page, control: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

test('the whole Litestream setup can be done with the keyboard alone', async ({ wizard, page }) => {
  const bucket = uniqueBucketName('keyboard');
  const nextButton = wizard.button('Next');
  await wizard.open();

  await tabTo(page, page.getByRole('radio', { name: 'Litestream', exact: true }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Litestream', exact: true })).toBeChecked();
  await press(page, nextButton);
  await wizard.expectStep('Connect to Backblaze');
  await expect(wizard.stepHeading('Connect to Backblaze')).toBeFocused();

  await press(page, wizard.button('Practice in the sandbox'));
  await expect(
    page.getByRole('heading', { level: 2, name: 'You are in the practice sandbox' }),
  ).toBeVisible();
  await press(page, nextButton);
  await wizard.expectStep('Bucket');
  await expect(wizard.stepHeading('Bucket')).toBeFocused();

  await tabTo(page, wizard.bucketName);
  await page.keyboard.type(bucket);
  await page.keyboard.press('Enter');
  for (const step of ['Lifecycle settings', 'CORS rules', 'Application key']) {
    await wizard.expectStep(step);
    await expect(wizard.stepHeading(step)).toBeFocused();
    await press(page, nextButton);
  }
  await wizard.expectStep('Review');
  const create = wizard.button('Create everything');
  await expect(create).toBeEnabled();
  await press(page, create);
  await wizard.expectDone();
  await expect(wizard.stepHeading('Your setup is ready')).toBeFocused();

  const downloading = page.waitForEvent('download');
  await press(
    page,
    wizard.file('litestream.yml').getByRole('button', { name: 'Download', exact: true }),
  );
  expect((await downloading).suggestedFilename()).toBe('litestream.yml');

  await tabTo(page, page.getByRole('checkbox', { name: 'I have saved the application key' }));
  await expect(
    page.getByRole('checkbox', { name: 'I have saved the application key' }),
  ).toBeChecked();
  await press(page, wizard.button('Forget my credentials'));
  await wizard.expectStep('What are you setting up?');
});
