import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures/test';
import { bytesOf, uniqueBucketName } from './fixtures/setup-wizard-page';

test.use({ viewport: { width: 1280, height: 800 } });

test('Done shows the key and its main actions without scrolling, and “Set up another” keeps the connection', async ({
  wizard,
  page,
}) => {
  const bucket = uniqueBucketName('s3-tool');
  await wizard.startInSandbox('AWS CLI / other S3 tool');
  await wizard.newBucketThenDefaultsToReview(bucket);
  await wizard.createEverything();
  await wizard.expectDone();

  for (const control of [
    page.getByRole('group', { name: 'Application key ID', exact: true }),
    page.getByRole('group', { name: 'Application key', exact: true }),
    wizard.button('Download all'),
    wizard.button('Set up another'),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  // The file contents are folded away until asked for.
  await expect(page.locator('.file-card__preview[open]')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);

  // The page, the files and the zip name the endpoint the same way, and each file downloads
  // under the name on its card.
  const endpoint = (await wizard.value('Endpoint').textContent()) ?? '';
  expect(endpoint).toMatch(/^https?:\/\/[^/]+$/);
  const config = await wizard.downloadFile('aws-config');
  expect(config.suggestedFilename()).toBe('aws-config');
  expect((await bytesOf(config)).toString('utf8')).toContain(`endpoint_url = ${endpoint}\n`);
  for (const name of ['aws-credentials', 's3cfg', 'SETUP-SUMMARY.md']) {
    expect((await wizard.downloadFile(name)).suggestedFilename()).toBe(name);
  }

  const zip = unzipSync(new Uint8Array(await bytesOf(await wizard.downloadAll())));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['.s3cfg', 'README.txt']));
  expect(strFromU8(zip['README.txt']!)).toContain(
    '.s3cfg is in this folder, but your computer may hide it.',
  );

  await wizard.button('Set up another').click();
  await wizard.expectStep('What are you setting up?');
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await wizard.chooseTool('AWS CLI / other S3 tool');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await expect(
    page.getByRole('heading', { level: 2, name: 'You are in the practice sandbox' }),
  ).toBeVisible();
  await expect(page.getByLabel('Application key ID', { exact: true })).toHaveCount(0);
  await wizard.next();
  await wizard.expectStep('Bucket');
  await expect(wizard.bucketName).not.toHaveValue(bucket);
});
