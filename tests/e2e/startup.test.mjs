// Start-up in steps: the first screen is shown before the work it does not need. The built-in
// articles' search index comes with the app, so they are searchable from the first screen; once the
// teacher's articles join them, the index is built after the home page has painted. The compare page
// aligns its articles after its frame has painted. To see the in-between state every time, these
// tests hold the page's animation frames (the app starts that work from one) until they release them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HAFFNER = 'Putin’s statement on NATO and its implications for global security';
const BLOG_POST = "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'";
const CLOSED_DOORS = 'Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns';

/** Runs in the page before its scripts: animation frames wait until `releaseFrames()`. */
function holdFrames() {
  const held = [];
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => held.push(callback);
  window.releaseFrames = () => {
    window.requestAnimationFrame = original;
    for (const callback of held.splice(0)) original(callback);
  };
}

const status = (page) => page.getByRole('main').getByRole('status');
const statusIs = (page, wanted) => async () => (await status(page).innerText()).trim() === wanted;

test('the built-in articles are searchable from the first screen, before any frame is drawn', async () => {
  const { page, finish } = await open(browser, '#/', { init: holdFrames });
  await until('the first screen', statusIs(page, 'Showing 5 of 5 articles'));
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.pressSequentially('sphere');
  // Frames are still held: the index the build made answers at once, with no "Preparing search…".
  await until('the search to run', statusIs(page, 'Showing 2 of 5 articles'));
  const links = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  assert.deepEqual(await links.allInnerTexts(), [BLOG_POST, HAFFNER]);
  assert.match(page.url(), /#\/\?q=sphere$/);
  await page.evaluate(() => window.releaseFrames());
  await finish();
});

// Pack files served beside the app by the test server (`tests/e2e/fixtures/`, never in the build).
const CLASS_PACK = 'e2e-fixtures/packs/class.json';

test('with the teacher\'s articles, text typed while search is being prepared waits, then finds what was typed', async () => {
  // A pack loaded once is kept on the device: the next visit shows the built-in articles and it.
  const { page, context, finish } = await open(browser, `?pack=${CLASS_PACK}#/`);
  await until('the pack loaded', async () => (await page.getByRole('main').getByText(/added 1 article/).count()) === 1, { timeout: 30_000 });
  await context.addInitScript(holdFrames);
  const next = await context.newPage();
  const messages = [];
  next.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  next.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
  await next.goto(`${BASE}#/`);
  await until('the first screen with the pack\'s article', statusIs(next, 'Showing 6 of 6 articles'));
  const box = next.getByRole('searchbox', { name: 'Search articles' });
  await box.pressSequentially('sphere');
  await until('the status to say search is being prepared', statusIs(next, 'Preparing search…'));
  assert.equal(await next.getByRole('list', { name: 'Articles' }).count(), 0, 'no results before the index is ready');
  assert.equal(await box.inputValue(), 'sphere', 'no keystroke is lost');
  await assertAccessible(next, 'the explorer preparing search');
  await next.evaluate(() => window.releaseFrames());
  await until('the search to run', statusIs(next, 'Showing 2 of 6 articles'));
  const links = next.getByRole('list', { name: 'Articles' }).getByRole('link');
  assert.deepEqual(await links.allInnerTexts(), [BLOG_POST, HAFFNER], 'what a search after start-up finds');
  assert.equal(await box.inputValue(), 'sphere');
  assert.deepEqual(messages, [], 'the console must stay empty');
  await finish();
});

test('the compare page shows its frame, says it is lining the articles up, then shows the grid', async () => {
  const { page, finish } = await open(browser, '#/compare?articles=putin-statement-on-nato,behind-closed-doors', { init: holdFrames });
  await until('the compare page', async () => (await page.getByRole('heading', { level: 1, name: 'Compare articles' }).count()) === 1);
  await until('the status to say the articles are being lined up', statusIs(page, 'Lining up 2 articles side by side…'));
  assert.equal(await page.getByRole('region', { name: HAFFNER, exact: true }).count(), 0, 'no columns yet');
  await page.evaluate(() => window.releaseFrames());
  await until('the status to say the articles are side by side', statusIs(page, '2 articles side by side.'));
  for (const title of [HAFFNER, CLOSED_DOORS]) {
    await until(`the column of ${title}`, async () => (await page.getByRole('region', { name: title, exact: true }).count()) === 1);
  }
  await finish();
});
