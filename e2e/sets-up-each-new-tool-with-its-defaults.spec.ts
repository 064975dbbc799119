import { expect, test } from './fixtures/test';
import { uniqueBucketName } from './fixtures/setup-wizard-page';

test('the first step lists the tools under their groups, each with its line', async ({
  wizard,
}) => {
  await wizard.open();
  const group = (name: string) => wizard.page.getByRole('group', { name, exact: true });
  await expect(group('Backups').getByRole('radio')).toHaveCount(3);
  await expect(group('Backups').getByRole('radio', { name: 'duplicity' })).toBeVisible();
  await expect(group('Your own app').getByRole('radio', { name: 'Python (boto3)' })).toBeVisible();
  await expect(
    group('Your own app').getByRole('radio', { name: 'Node.js (AWS SDK)' }),
  ).toHaveAccessibleDescription('A Node.js app that stores files with the AWS SDK v3.');
  await expect(
    group('Browsing and copying files').getByRole('radio', { name: 'Cyberduck' }),
  ).toBeVisible();
  await expect(
    group('Control panels and NAS').getByRole('radio', { name: 'cPanel / WHM backups' }),
  ).toBeVisible();
  await expect(
    group('Control panels and NAS').getByRole('radio', {
      name: 'Synology Hyper Backup / Cloud Sync',
    }),
  ).toBeVisible();
});

const TOOLS = [
  ['duplicity', 'duplicity', ['duplicity.env']],
  ['Python (boto3)', 'python', ['b2_example.py']],
  ['Node.js (AWS SDK)', 'node', ['b2-example.mjs']],
  ['Cyberduck', 'cyberduck', ['backblaze-b2.duck', 'cyberduck-key.txt']],
  ['cPanel / WHM backups', 'cpanel', ['cpanel-backup-destination.txt']],
  ['Synology Hyper Backup / Cloud Sync', 'synology', ['synology-destination.txt']],
] as const;

for (const [label, id, files] of TOOLS) {
  test(`a ${label} setup with its defaults ends with its files`, async ({ wizard }) => {
    const bucket = uniqueBucketName(id);
    await wizard.startInSandbox(label);
    await wizard.newBucketThenDefaultsToReview(bucket);
    await wizard.createEverything();
    await wizard.expectDone();
    for (const filename of files) await expect(wizard.file(filename)).toBeVisible();
  });
}

test('a cPanel / WHM setup’s sheet holds the bucket ID and name and the key, as WHM names them', async ({
  wizard,
}) => {
  const bucket = uniqueBucketName('cpanel');
  await wizard.startInSandbox('cPanel / WHM backups');
  await wizard.newBucketThenDefaultsToReview(bucket);
  await wizard.createEverything();
  await wizard.expectDone();
  const keyId = (await wizard.value('Application key ID').textContent()) ?? '';
  const secret = (await wizard.value('Application key').textContent()) ?? '';
  const sheet = wizard.file('cpanel-backup-destination.txt');
  await expect(sheet).toContainText('Destination Name: Backblaze B2');
  await expect(sheet).toContainText(/Bucket ID: [0-9a-f]{24}/);
  await expect(sheet).toContainText(`Bucket Name: ${bucket}`);
  await expect(sheet).toContainText(`Application Key ID: ${keyId}`);
  await expect(sheet).toContainText(`Application Key: ${secret}`);
  await expect(sheet).toContainText('Folder: whm-backups');
});
