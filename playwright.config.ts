import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// The sandbox runs as its own emulator here, so specs can inject faults through its admin routes.
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 8788);
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
process.env.E2E_EMULATOR_URL ??= emulatorUrl;
// A second wizard with SANDBOX=off, for the specs that check no sandbox is offered anywhere.
const noSandboxPort = Number(process.env.E2E_NO_SANDBOX_PORT ?? 3101);
process.env.E2E_NO_SANDBOX_URL ??= `http://127.0.0.1:${noSandboxPort}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A stray test.only must not let CI pass with the rest skipped.
  forbidOnly: !!process.env.CI,
  // CI keeps only the log; on a desk the HTML report helps find a failure (never opened by itself).
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `npm run emulator -- --port ${emulatorPort}`,
      url: `${emulatorUrl}/__emulator/state`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npm start',
      url: `http://127.0.0.1:${port}/api/health`,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        SANDBOX: 'on',
        SANDBOX_EMULATOR_URL: emulatorUrl,
        // Keys typed into the form reach the same emulator, never the real B2.
        B2_API_URL: emulatorUrl,
        SESSION_RATE_LIMIT: '1000',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: 'npm start',
      url: `http://127.0.0.1:${noSandboxPort}/api/health`,
      env: {
        PORT: String(noSandboxPort),
        HOST: '127.0.0.1',
        SANDBOX: 'off',
        B2_API_URL: emulatorUrl,
        SESSION_RATE_LIMIT: '1000',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
