import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test.use({ viewport: { width: 375, height: 740 } });

test('every step fits a 375 px wide phone screen without sideways scrolling', async ({
  wizard,
  page,
}) => {
  const fits = async (where: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `page width on ${where}`).toBeLessThanOrEqual(375);
  };
  await wizard.open();
  await fits('the first step');
  await wizard.chooseTool('Litestream');
  await fits('the first step with Litestream settings');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await fits('Connect');
  await wizard.practiceInSandbox();
  await fits('Connect, connected');
  await wizard.next();
  await wizard.expectStep('Bucket');
  await fits('Bucket');
  await wizard.newBucketThenDefaultsToReview(uniqueBucketName('narrow'));
  await fits('Review');
  await wizard.createEverything();
  await wizard.expectDone();
  await fits('Done');
  // Whole buttons, not cut off at the right edge.
  await wizard.button('Download all').scrollIntoViewIfNeeded();
  await expect(wizard.button('Download all')).toBeInViewport({ ratio: 1 });
  await wizard.button('Forget my credentials').scrollIntoViewIfNeeded();
  await expect(wizard.button('Forget my credentials')).toBeInViewport({ ratio: 1 });
});
