// One key for several buckets: the key step's "Also give it access to" adds other buckets of the
// account for a tool that can use such a key, warns who cannot, and is not offered for a tool on
// B2's old API (docs/b2-behaviour.md "Keys for several buckets"). Axe on each page it changes.
import { expectNoViolations } from './fixtures/axe';
import { uniqueBucketName } from './fixtures/setup-wizard-page';
import { expect, test } from './fixtures/test';

test('an S3 tool’s key also reaches another bucket of the account, named on Review and Done', async ({
  wizard,
  emulator,
  page,
}) => {
  const other = uniqueBucketName('photos');
  await emulator.seedBucket({ bucketName: other });
  const name = uniqueBucketName('several');

  await wizard.startInSandbox('AWS CLI / other S3 tool');
  await wizard.bucketName.fill(name);
  await wizard.next();
  for (const step of ['Lifecycle settings', 'CORS rules']) {
    await wizard.expectStep(step);
    await wizard.next();
  }
  await wizard.expectStep('Application key');
  const open = page.getByRole('checkbox', { name: 'Also give it access to other buckets' });
  await expect(open).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Also give it access to' })).toHaveCount(0);
  await open.check();
  const group = page.getByRole('group', { name: 'Also give it access to' });
  await expect(group.getByRole('checkbox', { name: other, exact: true })).toBeVisible();
  await expect(
    page.getByText(/^Tools still on B2’s old API cannot use a key for several buckets at all/),
  ).toContainText('rclone’s b2 remotes before rclone 1.72');
  await group.getByRole('checkbox', { name: other, exact: true }).check();
  await expectNoViolations(page, 'the key step with other buckets');
  await wizard.next();

  await wizard.expectStep('Review');
  await expect(page.getByText(`It may also use the bucket “${other}”.`)).toBeVisible();
  await expect(
    page.getByText(`It can reach only the buckets “${name}” and “${other}”.`),
  ).toBeVisible();
  await expect(wizard.button('Create everything')).toBeEnabled();
  await expectNoViolations(page, 'Review with a key for several buckets');
  await wizard.createEverything();

  await wizard.expectDone();
  const buckets = page.getByRole('region', { name: 'Buckets this key may use' });
  await expect(buckets.getByRole('listitem')).toHaveText([name, other]);
  await expectNoViolations(page, 'Done with a key for several buckets');

  const state = await emulator.state();
  const own = state.buckets.find((b) => b.bucketName === name)!;
  const theirs = state.buckets.find((b) => b.bucketName === other)!;
  const keyId = await wizard.value('Application key ID').textContent();
  const key = state.keys.find((k) => k.applicationKeyId === keyId);
  expect(key?.bucketIds).toEqual([own.bucketId, theirs.bucketId]);
});

test('rclone is offered no other buckets, and the step says why in one sentence', async ({
  wizard,
  page,
}) => {
  await wizard.startInSandbox('rclone');
  await wizard.bucketName.fill(uniqueBucketName('rclone-one'));
  await wizard.next();
  for (const step of ['Lifecycle settings', 'CORS rules']) {
    await wizard.expectStep(step);
    await wizard.next();
  }
  await wizard.expectStep('Application key');
  await expect(
    page.getByRole('checkbox', { name: 'Also give it access to other buckets' }),
  ).toHaveCount(0);
  await expect(
    page.getByText(
      'rclone cannot use a key for several buckets: the main remote in rclone.conf uses rclone’s b2 backend, which signs in on API version 1 before rclone 1.72 (Debian’s rclone 1.60 among them).',
    ),
  ).toBeVisible();
  await expectNoViolations(page, 'the key step for rclone');
});
