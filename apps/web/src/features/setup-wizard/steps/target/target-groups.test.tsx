import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderStep } from '../../test-utils';
import { TargetStep } from './target-step';

/** The tools under one heading, by their labels, in the order shown. */
function toolsUnder(heading: string): string[] {
  const group = screen.getByRole('group', { name: heading });
  return within(group)
    .getAllByRole('radio')
    .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? '');
}

describe('TargetStep: the tools, grouped', () => {
  it('lists every tool under its group: backups, apps, file browsing, control panels and NAS', () => {
    renderStep(<TargetStep />);
    expect(toolsUnder('Backups')).toEqual(['Litestream', 'restic', 'duplicity']);
    expect(toolsUnder('Your own app')).toEqual([
      'Laravel / Flysystem',
      'Python (boto3)',
      'Node.js (AWS SDK)',
    ]);
    expect(toolsUnder('Browsing and copying files')).toEqual([
      'rclone',
      'AWS CLI / other S3 tool',
      'Cyberduck',
    ]);
    expect(toolsUnder('Control panels and NAS')).toEqual([
      'JetBackup',
      'cPanel / WHM backups',
      'Synology Hyper Backup / Cloud Sync',
    ]);
    expect(toolsUnder('Anything else')).toEqual(['Something else']);
  });

  it.each([
    ['duplicity', 'Encrypted backups of folders, from the Debian package.'],
    ['Python (boto3)', 'A Python app that stores files with boto3.'],
    ['Node.js (AWS SDK)', 'A Node.js app that stores files with the AWS SDK v3.'],
    ['Cyberduck', 'Look into the bucket and move files with a desktop app.'],
    ['cPanel / WHM backups', 'WHM’s own backups, to its Backblaze B2 destination.'],
    ['Synology Hyper Backup / Cloud Sync', 'Back up or sync a Synology NAS over S3.'],
  ])('describes %s in one line', (label, description) => {
    renderStep(<TargetStep />);
    expect(screen.getByRole('radio', { name: label })).toHaveAccessibleDescription(description);
  });

  it('when a new tool is chosen, asks for no settings and goes on to Connect with it', async () => {
    const { user, navigate, store } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'cPanel / WHM backups' }));
    expect(screen.queryByRole('group', { name: /settings$/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
    expect(store.getState().drafts.target?.target).toBe('cpanel');
  });
});
