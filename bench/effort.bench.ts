// Effort: the clicks and keystrokes a person needs to finish the Litestream setup with its
// defaults, counted by driving the real wizard (the built app as `npm start` serves it) in
// Chromium with role and label locators. Typing the application key ID and key is not counted;
// in the practice sandbox there are none ("Practice in the sandbox" is one click). Every typed
// character counts as a keystroke. If the Bucket step proposes a name, it is kept; otherwise the
// shortest name B2 allows (6 characters) is typed.
// Budget: <= 10 actions.
import { randomBytes } from 'node:crypto';
import { chromium, type Locator, type Page } from '@playwright/test';
import { startAppServer } from './lib/app-server';
import { runBench } from './lib/bench-results';
import { CHROME_FLAGS } from './lib/lighthouse';
import { ensureWebBuild } from './lib/web-build';

// Lighthouse's flags; Playwright adds its own headless switch.
const CHROMIUM_ARGS = CHROME_FLAGS.filter((flag) => !flag.startsWith('--headless'));
const STEP_TIMEOUT = 30_000;

class Effort {
  clicks = 0;
  keystrokes = 0;
  readonly steps: string[] = [];

  constructor(private readonly page: Page) {}

  async click(target: Locator, what: string): Promise<void> {
    await target.click();
    this.clicks += 1;
    this.steps.push(`click ${what}`);
  }

  async type(target: Locator, text: string, what: string): Promise<void> {
    await target.pressSequentially(text);
    this.keystrokes += text.length;
    this.steps.push(`type ${what} (${text.length} keys)`);
  }

  async onStep(title: string): Promise<void> {
    await this.page
      .getByRole('heading', { level: 1, name: title })
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}

await runBench('effort', async (bench) => {
  ensureWebBuild();
  const server = await startAppServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  let proposedName = '';
  let effort: Effort;
  try {
    const page = await browser.newPage();
    effort = new Effort(page);
    await page.goto(`${server.url}/`);

    await effort.onStep('What are you setting up?');
    await effort.click(page.getByRole('radio', { name: 'Litestream', exact: true }), 'Litestream');
    await effort.click(effort.button('Next'), 'Next');

    await effort.onStep('Connect to Backblaze');
    await effort.click(effort.button('Practice in the sandbox'), 'Practice in the sandbox');
    await page
      .getByRole('heading', { level: 2, name: 'You are in the practice sandbox' })
      .waitFor({ timeout: STEP_TIMEOUT });
    await effort.click(effort.button('Next'), 'Next');

    await effort.onStep('Bucket');
    const bucketName = page.getByLabel('Bucket name', { exact: true });
    proposedName = await bucketName.inputValue();
    if (proposedName === '') {
      // B2's shortest bucket name; random so that runs against one sandbox never collide.
      await effort.type(
        bucketName,
        `b${randomBytes(3).toString('hex').slice(0, 5)}`,
        'a bucket name',
      );
    }
    await effort.click(effort.button('Next'), 'Next');

    for (const step of ['Lifecycle settings', 'CORS rules', 'Application key']) {
      await effort.onStep(step);
      await effort.click(effort.button('Next'), `Next (${step})`);
    }
    await effort.onStep('Review');
    await effort.click(effort.button('Create everything'), 'Create everything');
    await effort.onStep('Your setup is ready');
    await page
      .getByRole('article', { name: 'litestream.yml', exact: true })
      .waitFor({ timeout: STEP_TIMEOUT });
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`  ${effort.steps.join(' > ')}`);
  bench.add('Litestream setup: clicks', effort.clicks, 'clicks');
  bench.add(
    'Litestream setup: keystrokes',
    effort.keystrokes,
    'keys',
    undefined,
    proposedName
      ? `bucket name proposed: ${proposedName}`
      : 'the bucket name must be typed (no proposal)',
  );
  bench.add('Litestream setup: clicks + keystrokes', effort.clicks + effort.keystrokes, 'actions', {
    op: '<=',
    limit: 10,
  });
  bench.details = { steps: effort.steps, proposedName };
});
