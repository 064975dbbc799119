// The account's keys, from the Connect step: the list with its marks, the connected key that
// cannot be deleted, a delete asked once, and a replacement whose old key goes only once the
// new one has passed its check. axe on each state.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectNoViolations } from './fixtures/axe';
import {
  EMULATOR_MASTER_KEY,
  EMULATOR_MASTER_KEY_ID,
  EMULATOR_URL,
} from './fixtures/emulator-admin';
import { uniqueBucketName } from './fixtures/setup-wizard-page';
import { expect, test } from './fixtures/test';

/** B2's native API with the master key, as the test's own hands in the dashboard. */
async function b2(
  request: APIRequestContext,
  call: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const auth = await request.get(`${EMULATOR_URL}/b2api/v2/b2_authorize_account`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${EMULATOR_MASTER_KEY_ID}:${EMULATOR_MASTER_KEY}`).toString('base64')}`,
    },
  });
  const account = (await auth.json()) as {
    authorizationToken: string;
    apiUrl: string;
    accountId: string;
  };
  const answer = await request.post(`${account.apiUrl}/b2api/v2/${call}`, {
    headers: { Authorization: account.authorizationToken },
    data: { accountId: account.accountId, ...body },
  });
  expect(answer.ok(), `${call}: ${await answer.text()}`).toBe(true);
  return (await answer.json()) as Record<string, unknown>;
}

interface KeyInState {
  applicationKeyId: string;
  keyName: string;
  capabilities: string[];
  bucketIds: string[] | null;
  namePrefix: string | null;
}

// A phone's width: long key IDs and names must wrap, never scroll sideways.
test.use({ viewport: { width: 375, height: 740 } });

const fitsTheScreen = async (page: Page, where: string) => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `page width with ${where}`).toBeLessThanOrEqual(375);
};

const card = (page: Page, keyName: string): Locator =>
  page.getByRole('article', { name: keyName, exact: true });

test('lists the account’s keys, deletes one when asked once, and replaces another', async ({
  wizard,
  page,
  emulator,
  playwright,
}) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext();
  const run = Date.now().toString(36);
  const bucket = await b2(request, 'b2_create_bucket', {
    bucketName: uniqueBucketName('keys-panel'),
    bucketType: 'allPrivate',
  });
  const bucketId = String(bucket.bucketId);
  const customerName = `acme-backups-${run}`;
  const spareName = `old-laptop-${run}`;
  const readWrite = [
    'listBuckets',
    'readBuckets',
    'listFiles',
    'readFiles',
    'writeFiles',
    'deleteFiles',
  ];
  const customer = await b2(request, 'b2_create_key', {
    keyName: customerName,
    capabilities: readWrite,
    bucketId,
    namePrefix: 'servers/',
  });
  const spare = await b2(request, 'b2_create_key', {
    keyName: spareName,
    capabilities: ['listBuckets', 'readFiles'],
  });
  // The support desk's own key: everything the panel needs, for every bucket.
  const supportName = `support-desk-${run}`;
  const support = await b2(request, 'b2_create_key', {
    keyName: supportName,
    capabilities: [
      'listBuckets',
      'readBuckets',
      'writeBuckets',
      'listKeys',
      'writeKeys',
      'deleteKeys',
      'listFiles',
      'readFiles',
      'writeFiles',
      'deleteFiles',
    ],
  });

  await wizard.open();
  await wizard.chooseTool('restic');
  await wizard.next();
  await wizard.expectStep('Connect to Backblaze');
  await wizard.connectWithKey(String(support.applicationKeyId), String(support.applicationKey));
  await expect(page.getByRole('heading', { level: 2, name: 'You are connected' })).toBeVisible();

  const open = wizard.button('The account’s keys');
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  const panelHeading = page.getByRole('heading', { level: 2, name: 'The account’s keys' });
  await expect(panelHeading).toBeFocused();
  await expect(card(page, customerName)).toContainText(
    `Key ID${String(customer.applicationKeyId)}`,
  );
  await expect(card(page, customerName)).toContainText(`Buckets${String(bucket.bucketName)}`);
  await expect(card(page, customerName)).toContainText(
    'AccessCan see the bucket, read the bucket’s settings, list files, download files, upload files and delete files. Only files whose names start with “servers/”.',
  );
  await expect(card(page, customerName)).toContainText('ExpiresNever');
  await expect(card(page, customerName)).not.toContainText('Made by this wizard');
  // The key the wizard is connected with says why it has no buttons.
  const own = card(page, supportName);
  await expect(own).toContainText(
    'Can’t be deleted or replaced here. The wizard is connected with this key',
  );
  await expect(own.getByRole('button')).toHaveCount(0);
  // A key for every bucket has no Replace, and says why.
  const spareCard = card(page, spareName);
  await expect(spareCard.getByRole('button', { name: `Replace ${spareName}` })).toHaveCount(0);
  await spareCard.getByText('Why there is no Replace', { exact: true }).click();
  await expect(spareCard).toContainText(`The key “${spareName}” reaches every bucket`);
  await expectNoViolations(page, 'the account’s keys');
  await fitsTheScreen(page, 'the account’s keys');

  // Delete, asked once: Cancel keeps the key, the second time it goes.
  await spareCard.getByRole('button', { name: `Delete ${spareName}`, exact: true }).click();
  const question = page.getByRole('alertdialog', { name: `Delete the key “${spareName}”?` });
  await expect(question).toBeFocused();
  await expect(question).toContainText('Anything that still uses it stops working at once');
  await expectNoViolations(page, 'the delete question');
  await question.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(question).toBeHidden();
  await spareCard.getByRole('button', { name: `Delete ${spareName}`, exact: true }).click();
  await page
    .getByRole('alertdialog', { name: `Delete the key “${spareName}”?` })
    .getByRole('button', { name: 'Delete the key', exact: true })
    .click();
  await expect(
    page.getByText(
      `Deleted the application key “${spareName}” (ID ${String(spare.applicationKeyId)}). Anything that still uses it can no longer reach Backblaze.`,
    ),
  ).toBeVisible();
  await expect(card(page, spareName)).toHaveCount(0);
  await expect(panelHeading).toBeFocused();
  const keysNow = async () => (await emulator.state()).keys as unknown as KeyInState[];
  expect((await keysNow()).some((k) => k.applicationKeyId === spare.applicationKeyId)).toBe(false);
  expect((await keysNow()).some((k) => k.applicationKeyId === customer.applicationKeyId)).toBe(
    true,
  );

  // Replace: a new key for the same bucket and prefix, checked for restic, then the old one goes.
  await card(page, customerName)
    .getByRole('button', { name: `Replace ${customerName}`, exact: true })
    .click();
  const replace = page.getByRole('region', { name: `Replace the key “${customerName}”` });
  await expect(replace.getByRole('heading', { level: 3 })).toBeFocused();
  const make = replace.getByRole('button', { name: 'Make the new key', exact: true });
  await expect(make).toBeDisabled();
  await replace.getByLabel('The tool that uses this key', { exact: true }).selectOption('restic');
  await expectNoViolations(page, 'the replace form');
  await make.click();
  await expect(
    replace.getByText('The new key works: it passed every check restic needs.', { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  const newId =
    (await replace
      .getByRole('group', { name: 'New application key ID', exact: true })
      .getByRole('code')
      .textContent()) ?? '';
  const newSecret =
    (await replace
      .getByRole('group', { name: 'New application key', exact: true })
      .getByRole('code')
      .textContent()) ?? '';
  expect(newSecret.length).toBeGreaterThan(10);
  await expect(
    replace
      .getByRole('group', { name: 'New application key', exact: true })
      .getByRole('button', { name: 'Copy', exact: true }),
  ).toBeVisible();
  await expect(replace.getByRole('article').first()).toBeVisible();
  // The list now holds the new key too, marked from this session's history.
  const newName = page.getByRole('article', {
    name: new RegExp(`^${customerName}-replaced-\\d{8}$`),
  });
  await expect(newName).toContainText('Made by this wizard — in this session’s history');
  await expectNoViolations(page, 'the new key with its check and files');
  await fitsTheScreen(page, 'the new key with its check and files');

  await replace
    .getByRole('button', { name: 'The new key works — delete the old key', exact: true })
    .click();
  const oldQuestion = replace.getByRole('alertdialog', {
    name: `Delete the key “${customerName}”?`,
  });
  await expect(oldQuestion).toBeFocused();
  await oldQuestion.getByRole('button', { name: 'Delete the key', exact: true }).click();
  await expect(replace.getByText('The old key is deleted.', { exact: true })).toBeVisible();
  await expect(card(page, customerName)).toHaveCount(0);
  await expectNoViolations(page, 'the replacement done');

  // What B2 holds now: the old key gone, one new key with the same access.
  const after = await keysNow();
  expect(after.some((k) => k.applicationKeyId === customer.applicationKeyId)).toBe(false);
  const made = after.filter((k) => k.bucketIds?.includes(bucketId));
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({
    applicationKeyId: newId,
    capabilities: readWrite,
    bucketIds: [bucketId],
    namePrefix: 'servers/',
  });

  await replace.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(replace).toHaveCount(0);
  await wizard.button('Reload the list').click();
  await expect(newName).toBeVisible();
  await open.click();
  await expect(panelHeading).toHaveCount(0);
  await request.dispose();
});
