import type { GeneratedFile } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { zipEntries } from './file-notes';

const file = (filename: string): GeneratedFile => ({
  target: 'aws-cli',
  filename,
  mediaType: 'text/plain',
  content: 'x',
});

describe('zipEntries', () => {
  it('adds a README that says what each file is for, and that .s3cfg is a hidden file', () => {
    const entries = zipEntries([file('aws-config'), file('.s3cfg')], 'acme-files');
    expect(entries.map((e) => e.filename)).toEqual(['aws-config', '.s3cfg', 'README.txt']);
    const readme = entries.at(-1)!.content;
    expect(readme).toContain('for the bucket acme-files');
    expect(readme).toContain('aws-config: Add this profile to ~/.aws/config.');
    expect(readme).toContain('.s3cfg is in this folder, but your computer may hide it.');
    expect(readme).toContain('Command+Shift+.');
  });

  it('says nothing about hidden files when there is none', () => {
    const readme = zipEntries([file('litestream.yml')], 'db').at(-1)!.content;
    expect(readme).not.toMatch(/hidden/);
  });
});
