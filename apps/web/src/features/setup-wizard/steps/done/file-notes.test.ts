import { configFileNote, SETUP_SUMMARY_FILENAME, type GeneratedFile } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { cardNote, zipEntries } from './file-notes';

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
    expect(readme).toContain(`aws-config: ${configFileNote('aws-config')}`);
    expect(readme).toContain('aws-config: Add this profile to ~/.aws/config.');
    expect(readme).toContain('.s3cfg is in this folder, but your computer may hide it.');
    expect(readme).toContain('Command+Shift+.');
  });

  it('says nothing about hidden files when there is none', () => {
    const readme = zipEntries([file('litestream.yml')], 'db').at(-1)!.content;
    expect(readme).not.toMatch(/hidden/);
  });
});

describe('cardNote', () => {
  it('gives the shared registry’s note for each file', () => {
    expect(cardNote('litestream.yml')).toBe(configFileNote('litestream.yml'));
    expect(cardNote(SETUP_SUMMARY_FILENAME)).toBe(
      'What was created, for your records. It holds no secret.',
    );
  });

  it('adds the name the browser saves a dot file under', () => {
    expect(cardNote('.s3cfg')).toBe(
      `${configFileNote('.s3cfg')} Your browser saves it as s3cfg, without the dot: add the dot when you move it there.`,
    );
  });

  it('says nothing for a file no target has', () => {
    expect(cardNote('unknown.txt')).toBeUndefined();
  });
});

describe('zipEntries for a file no target has', () => {
  it('says it is a file for the tool', () => {
    const readme = zipEntries([file('unknown.txt')], 'db').at(-1)!.content;
    expect(readme).toContain('unknown.txt: A file for your tool.');
  });
});
