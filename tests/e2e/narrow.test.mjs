// Every page on the narrowest phone screens (320 and 360 CSS pixels): the page is never wider than
// the screen, so nothing has to be scrolled to sideways (the compare columns scroll inside their own
// box, not the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FOUR = 'putin-statement-on-nato,behind-closed-doors,fracturing-core-values,nato-support-for-democracy';

/** Each route, and what shows that its page is rendered in full. */
const ROUTES = [
  ['#/', (page) => page.getByRole('list', { name: 'Articles' })],
  ['#/read/putin-statement-on-nato', (page) => page.getByRole('group', { name: 'Highlights' })],
  [`#/compare?articles=${FOUR}`, (page) => page.getByRole('region', { name: /^Putin’s statement on NATO/ })],
  ['#/analyze', (page) => page.getByRole('textbox', { name: 'Article text', exact: true })],
  ['#/lessons', (page) => page.getByRole('heading', { level: 1, name: 'Lessons' })],
  ['#/lesson/who-gets-to-speak?step=2', (page) => page.getByRole('navigation', { name: 'Steps of the lesson' })],
  ['#/lesson/check-the-dateline?step=3', (page) => page.getByRole('navigation', { name: 'Steps of the lesson' })],
  ['#/lessons/new', (page) => page.getByRole('heading', { level: 1 })],
  ['#/import', (page) => page.getByRole('heading', { level: 1, name: 'Your articles' })],
  ['#/privacy', (page) => page.getByRole('heading', { level: 1, name: 'Privacy' })],
];

for (const width of [320, 360]) {
  test(`at ${width} px no page is wider than the screen`, async () => {
    const { page, finish } = await open(browser, '', { viewport: { width, height: 740 } });
    const wider = [];
    for (const [hash, rendered] of ROUTES) {
      // In the app, as its links do (a same-document navigation, so no load event to wait for).
      await page.evaluate((to) => { window.location.hash = to; }, hash);
      await until(`${hash} rendered`, async () => (await rendered(page).count()) === 1, { timeout: 20_000 });
      const [scroll, client, culprits] = await page.evaluate(() => {
        const client = document.documentElement.clientWidth;
        const culprits = Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > client + 0.5)
          .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return [document.documentElement.scrollWidth, client, culprits];
      });
      if (scroll > client) wider.push(`${hash}: ${scroll} px in ${client} (${culprits.join(', ')})`);
    }
    assert.deepEqual(wider, [], 'pages wider than the screen');
    await finish();
  });
}
