import { describe, expect, it } from 'vitest';
import { TARGETS } from '../schemas/setup-request';
import { toolNameInSentence } from './tool-names';

describe('toolNameInSentence', () => {
  it.each([
    ['litestream', 'Litestream'],
    ['jetbackup', 'JetBackup'],
    ['laravel', 'Laravel'],
    ['rclone', 'rclone'],
    ['restic', 'restic'],
    ['aws-cli', 'your S3 tool'],
    ['other', 'your tool'],
    ['duplicity', 'duplicity'],
    ['python', 'your Python app'],
    ['node', 'your Node.js app'],
    ['cyberduck', 'Cyberduck'],
    ['cpanel', 'WHM'],
    ['synology', 'your Synology NAS'],
  ] as const)('names %s “%s”', (target, name) => {
    expect(toolNameInSentence(target)).toBe(name);
  });

  it('names every target, with no list or slash in the name', () => {
    for (const target of TARGETS) expect(toolNameInSentence(target)).not.toMatch(/\/|^$/);
  });

  it('says “your tool” while no target is chosen', () => {
    expect(toolNameInSentence(null)).toBe('your tool');
    expect(toolNameInSentence(undefined)).toBe('your tool');
  });
});
