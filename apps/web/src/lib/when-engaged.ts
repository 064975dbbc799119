// Work that may wait until the person starts to use the page, so that the page's own start-up
// never shares the main thread with it.

const ENGAGING = ['pointermove', 'pointerdown', 'keydown', 'touchstart', 'focusin'] as const;

/**
 * Calls back when the person starts to use the page (a pointer, a key, a touch), or some seconds
 * after it loaded: the page's own start-up never competes with the prefetch for the main thread.
 */
export function whenEngaged(callback: () => void, fallbackMs = 6000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    timer = setTimeout(go, fallbackMs);
  };
  const stop = () => {
    for (const type of ENGAGING) window.removeEventListener(type, go, true);
    window.removeEventListener('load', arm);
    clearTimeout(timer);
  };
  function go() {
    stop();
    callback();
  }
  for (const type of ENGAGING) window.addEventListener(type, go, { capture: true, passive: true });
  if (document.readyState === 'complete') arm();
  else window.addEventListener('load', arm, { once: true });
  return stop;
}
