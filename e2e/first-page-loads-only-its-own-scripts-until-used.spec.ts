import { expect, test } from './fixtures/test';

// The first page's scripts are the ones its HTML names; the later steps (and zod, which checks
// the API's answers) come only once the person starts to use the page, so they never hold up
// its start (bench/README.md, "Lighthouse").
test('the first page loads only the scripts its HTML names until the person starts to use it', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'What are you setting up?' }),
  ).toBeVisible();
  const named = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll('script[src], link[rel="modulepreload"]'),
      (el) =>
        new URL(el.getAttribute('src') ?? el.getAttribute('href') ?? '', document.baseURI).pathname,
    ),
  );
  // Two seconds without a move: nothing else is fetched.
  await page.waitForTimeout(2_000);
  expect(scripts.sort()).toEqual([...named].sort());

  // The first move fetches the rest, the Connect step among them.
  await page.mouse.move(20, 20);
  await expect
    .poll(() => scripts.some((path) => /\/assets\/connect-step-[\w-]+\.js$/.test(path)))
    .toBe(true);
});
