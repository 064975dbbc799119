import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// Preact runs effects after the next frame, or after 35 ms at the latest. One still pending when
// a file ends would fire after jsdom is gone, where cancelAnimationFrame no longer exists (seen
// on a busy machine). Timers fire in order, so waiting longer once per file lets it run first.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
