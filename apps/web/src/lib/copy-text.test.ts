import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './copy-text';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('copyText', () => {
  it('writes exactly the text to the clipboard', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await expect(copyText('K004secret')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('K004secret');
  });

  it('when the clipboard API refuses, falls back to a hidden text area and leaves none behind', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('Document is not focused'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    let selected = '';
    const execCommand = vi.fn(() => {
      selected = (document.activeElement as HTMLTextAreaElement | null)?.value ?? '';
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    await expect(copyText('line one\nline two')).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(selected).toBe('line one\nline two');
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button);
    button.remove();
  });

  it('when nothing can copy, says so', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    await expect(copyText('x')).resolves.toBe(false);
  });
});
