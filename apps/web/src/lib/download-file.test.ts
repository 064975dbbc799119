import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadText, savedFileName, zipFiles } from './download-file';

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('downloadText', () => {
  let clicked: { href: string; download: string } | null;
  let blobs: Blob[];

  beforeEach(() => {
    clicked = null;
    blobs = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:http://127.0.0.1/1234';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked = { href: this.href, download: this.download };
    });
  });

  afterEach(() => vi.restoreAllMocks());

  it('saves the content under the file name through a blob: URL, leaving no link behind', async () => {
    downloadText('litestream.yml', 'dbs:\n  - path: /var/lib/app/app.db\n', 'application/yaml');
    expect(clicked).toEqual({ href: 'blob:http://127.0.0.1/1234', download: 'litestream.yml' });
    expect(blobs[0]!.type).toBe('application/yaml;charset=utf-8');
    await expect(readBlob(blobs[0]!)).resolves.toBe('dbs:\n  - path: /var/lib/app/app.db\n');
    expect(document.querySelector('a')).toBeNull();
  });

  it('sends a name without an extension as plain bytes, so no browser adds “.txt” to it', () => {
    downloadText('aws-config', '[profile b2]\n', 'text/plain');
    expect(clicked?.download).toBe('aws-config');
    expect(blobs[0]!.type).toBe('application/octet-stream;charset=utf-8');
  });
});

describe('savedFileName', () => {
  it.each([
    ['.s3cfg', 's3cfg'],
    ['aws-config', 'aws-config'],
    ['litestream.yml', 'litestream.yml'],
  ])('%s downloads as %s', (name, saved) => {
    expect(savedFileName(name)).toBe(saved);
  });
});

describe('zipFiles', () => {
  it('puts every file in one zip with its exact content', async () => {
    const zip = await zipFiles([
      { filename: 'litestream.yml', content: 'dbs: []\n' },
      { filename: 'SETUP-SUMMARY.md', content: '# Setup “résumé”\n' },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['SETUP-SUMMARY.md', 'litestream.yml']);
    expect(strFromU8(files['litestream.yml']!)).toBe('dbs: []\n');
    expect(strFromU8(files['SETUP-SUMMARY.md']!)).toBe('# Setup “résumé”\n');
  });
});
