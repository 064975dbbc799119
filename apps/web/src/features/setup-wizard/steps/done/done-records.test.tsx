import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupResult } from '../../test-fixtures';
import { renderStep, submittedThrough } from '../../test-utils';
import { DoneStep } from './done-step';

const SUMMARY = `# Backblaze B2 setup: acme-db

- Date: 2026-03-14 09:05 UTC
- Account ID: e2b1d3f4a5c6
- Customer or ticket: Acme GmbH
- Set up for: Litestream

This file holds no secret.

## Files handed out

- litestream.yml
- SETUP-SUMMARY.md
`;

const result = setupResult({
  files: [
    {
      target: 'all',
      filename: 'SETUP-SUMMARY.md',
      mediaType: 'text/markdown; charset=utf-8',
      content: SUMMARY,
    },
  ],
});

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

let saved: { name: string; blob: Blob }[];
beforeEach(() => {
  saved = [];
  let blob: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    blob = b;
    return 'blob:http://127.0.0.1/1';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blob! });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('DoneStep records', () => {
  it('“Save these settings” downloads the setup as a recipe, without names or the secret', async () => {
    const state = submittedThrough('key', { result });
    state.drafts!.target = { ...state.drafts!.target, customer: 'Acme GmbH' };
    const { user } = renderStep(<DoneStep />, state);
    await user.click(screen.getByRole('button', { name: 'Save these settings' }));
    expect(saved.map((s) => s.name)).toEqual(['b2-setup-recipe-litestream.json']);
    const text = await readBlob(saved[0]!.blob);
    expect(JSON.parse(text)).toEqual({
      format: 'b2-setup-wizard-recipe',
      version: 1,
      target: 'litestream',
      bucket: { mode: 'create', type: 'allPrivate', objectLock: false },
      lifecycle: { preset: 'keepLatest' },
      cors: { preset: 'none' },
      key: { access: 'readWrite', restrictToBucket: true, listAllBucketNames: true },
      options: {
        litestream: { dbPath: '/var/lib/app/app.db', replicaPath: 'app.db' },
      },
    });
    expect(text).not.toContain('acme-db');
    expect(text).not.toContain('Acme GmbH');
    expect(text).not.toContain(result.key.applicationKey);
  });

  it('offers the summary as a page to print, with its headings and lists', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { user } = renderStep(<DoneStep />, submittedThrough('key', { result }));
    await user.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
    const page = screen.getByLabelText('Printable summary');
    expect(within(page).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Backblaze B2 setup: acme-db',
    );
    expect(within(page).getByRole('heading', { level: 3 })).toHaveTextContent('Files handed out');
    expect(
      within(page)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Date: 2026-03-14 09:05 UTC',
      'Account ID: e2b1d3f4a5c6',
      'Customer or ticket: Acme GmbH',
      'Set up for: Litestream',
      'litestream.yml',
      'SETUP-SUMMARY.md',
    ]);
  });
});
