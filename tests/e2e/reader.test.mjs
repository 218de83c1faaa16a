// The reader's "Compare with…" suggestions and the banner's light/dark toggle, as a reader uses them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HAFFNER = 'Putin’s statement on NATO and its implications for global security';
const CLOSED_DOORS = 'Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns';
const ENLARGEMENT = 'NATO enlargement and the non-expansion promise dispute';

test('the reader suggests articles sharing an event, and a suggestion opens the comparison of both', async () => {
  const { page, finish } = await open(browser, '#/read/putin-statement-on-nato');
  const suggestions = page.getByRole('navigation', { name: 'Compare with', exact: true });
  const link = suggestions.getByRole('link', { name: `Compare with ${CLOSED_DOORS}`, exact: true });
  await until('the suggestion to compare with "Behind Closed Doors"', async () => (await link.count()) === 1);
  assert.ok((await suggestions.innerText()).includes(ENLARGEMENT), 'the suggestion names the shared event');
  assert.equal(
    await suggestions.getByRole('link', { name: `Compare with ${HAFFNER}`, exact: true }).count(),
    0,
    'the article is not suggested to itself',
  );
  await assertAccessible(page, 'the reader with its suggestions');
  await link.click();
  await until('the compare route', async () => /#\/compare\?articles=putin-statement-on-nato,behind-closed-doors$/.test(page.url()));
  for (const title of [HAFFNER, CLOSED_DOORS]) {
    await until(`the column of "${title}"`, async () => (await page.getByRole('region', { name: title, exact: true }).count()) === 1);
  }
  await finish();
});

/** The page's background colour as the browser computes it. */
function background(page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

test('the theme toggle switches light and dark, survives a reload, and both themes pass axe-core', async () => {
  const { page, finish } = await open(browser, '#/read/putin-statement-on-nato');
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark theme', exact: true });
  await until('the theme toggle', async () => (await toggle.count()) === 1);
  const pressed_before = await toggle.getAttribute('aria-pressed');
  assert.ok(['true', 'false'].includes(pressed_before), `aria-pressed is ${pressed_before}`);
  const pressed_after = pressed_before === 'true' ? 'false' : 'true';
  const background_before = await background(page);

  await toggle.click();
  await until('the toggle to flip', async () => (await toggle.getAttribute('aria-pressed')) === pressed_after);
  await until('the background to change', async () => (await background(page)) !== background_before);
  const background_after = await background(page);
  await until('the reader', async () => (await page.getByRole('heading', { level: 1, name: HAFFNER }).count()) === 1);
  await assertAccessible(page, `the reader (dark theme ${pressed_after === 'true' ? 'on' : 'off'})`);

  await page.reload();
  await until('the toggle after the reload', async () => (await toggle.getAttribute('aria-pressed').catch(() => null)) === pressed_after);
  await until('the chosen background after the reload', async () => (await background(page)) === background_after);

  await toggle.click();
  await until('the toggle to flip back', async () => (await toggle.getAttribute('aria-pressed')) === pressed_before);
  await until('the first background again', async () => (await background(page)) === background_before);
  await until('the reader', async () => (await page.getByRole('heading', { level: 1, name: HAFFNER }).count()) === 1);
  await assertAccessible(page, `the reader (dark theme ${pressed_before === 'true' ? 'on' : 'off'})`);
  await finish();
});

test('a link to a paragraph (?p=N) focuses it; a number that is not a paragraph leaves the reader at the top', async () => {
  const { page, finish } = await open(browser, '#/read/putin-statement-on-nato?p=3');
  await until('paragraph 3 to have focus', async () => (await page.evaluate(() => document.activeElement?.id)) === 'paragraph-3');
  // The paragraph is a link target, not a tab stop.
  assert.equal(await page.locator('#paragraph-3').getAttribute('tabindex'), '-1');
  // Toggling a layer keeps the paragraph in the URL.
  const legend = page.getByRole('group', { name: 'Highlights' });
  const first_layer = legend.getByRole('checkbox').first();
  await first_layer.click();
  await until('the layer in the URL with the paragraph', () => /[?&]layers=/.test(page.url()) && /[?&]p=3/.test(page.url()));
  await finish();

  for (const nonsense of ['0', 'x', '99999']) {
    const other = await open(browser, `#/read/putin-statement-on-nato?p=${nonsense}`);
    await until('the reader', async () => (await other.page.getByRole('heading', { level: 1, name: HAFFNER }).count()) === 1);
    assert.equal(await other.page.evaluate(() => window.scrollY), 0, `p=${nonsense} leaves the reader at the top`);
    await other.finish();
  }
});
