import { expect, test } from './fixtures/test';
import { bytesOf, uniqueBucketName } from './fixtures/setup-wizard-page';

test('a Litestream setup in the sandbox ends with a litestream.yml that holds the new bucket and key', async ({
  wizard,
}) => {
  const bucket = uniqueBucketName('litestream-db');
  await wizard.startInSandbox('Litestream');
  await wizard.newBucketThenDefaultsToReview(bucket);
  await wizard.createEverything();
  await wizard.expectDone();

  const keyId = (await wizard.value('Application key ID').textContent()) ?? '';
  const secret = (await wizard.value('Application key').textContent()) ?? '';
  const region = (await wizard.value('Region').textContent()) ?? '';
  expect(keyId).not.toBe('');
  expect(secret).not.toBe('');

  const download = await wizard.downloadFile('litestream.yml');
  expect(download.suggestedFilename()).toBe('litestream.yml');
  const yaml = (await bytesOf(download)).toString('utf8');
  expect(yaml).toContain('dbs:\n  - path: /var/lib/app/app.db\n    replicas:\n      - type: s3\n');
  expect(yaml).toContain(`        bucket: ${bucket}\n`);
  expect(yaml).toContain('        path: app.db\n');
  expect(yaml).toContain(`        region: ${region}\n`);
  expect(yaml).toContain('        force-path-style: true\n');
  expect(yaml).toContain(`        access-key-id: ${keyId}\n`);
  expect(yaml).toContain(`        secret-access-key: ${secret}\n`);
  expect(yaml).toMatch(/^ {8}endpoint: https?:\/\/\S+$/m);
});
