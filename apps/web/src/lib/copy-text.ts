// Copies exactly the given text. Selecting a secret with the mouse can pick up hidden characters
// (docs/b2-behaviour.md "Application keys"), so every value has a Copy button that goes through
// here.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not focused or not allowed: fall back to the older way below.
  }
  // The old way copies the selection, which needs focus; focus goes back where it was after.
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.focus();
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus();
  return copied;
}
