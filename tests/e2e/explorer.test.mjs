// The explorer on the home route, as a reader uses it: facets, search, sort, the URL as the whole
// state (a copied link, Back), the empty state, the phone layout and accessibility with filters on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const N_ARTICLES = 5;
const BLOG_POST = "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'";
const HAFFNER = 'Putin’s statement on NATO and its implications for global security';
const DEMOCRACY = [
  'NATO’s support for democracy and stability',
  'The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability',
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The checkbox of `value` in the facet group `facet`, whatever its count: "Value (n)". */
function facetValue(page, facet, value) {
  return page
    .getByRole('region', { name: 'Filters' })
    .getByRole('group', { name: facet })
    .getByRole('checkbox', { name: new RegExp(`^${escape(value)} \\(\\d+\\)$`) });
}

// The explorer's own live region (the page has others, e.g. the update prompt outside `main`).
const status = (page) => page.getByRole('main').getByRole('status');
const resultLinks = (page) => page.getByRole('list', { name: 'Articles' }).getByRole('link');
const searchBox = (page) => page.getByRole('searchbox', { name: 'Search articles' });

async function untilShowing(page, n) {
  const wanted = `Showing ${n} of ${N_ARTICLES} articles`;
  await until(`the status to read "${wanted}"`, async () => (await status(page).innerText()).trim() === wanted);
  await until(`${n} result links`, async () => (await resultLinks(page).count()) === n);
}

async function titles(page) {
  return resultLinks(page).allInnerTexts();
}

test('checking a topic lists only its articles and updates the status', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  const topic = facetValue(page, 'Topic', 'Democracy & governance');
  const named = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: 'Democracy & governance (2)', exact: true });
  assert.equal(await named.count(), 1, 'the value is named with its count');
  await topic.click();
  await untilShowing(page, DEMOCRACY.length);
  assert.deepEqual((await titles(page)).sort(), [...DEMOCRACY].sort());
  assert.ok(await topic.isChecked());
  assert.match(page.url(), /#\/\?topic=Democracy\+%26\+governance$/, 'the filter is in the URL');
  await finish();
});

test('"Martin Haffner" in Author leaves his article; "No byline" leaves the others', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  await facetValue(page, 'Author', 'Martin Haffner').click();
  await untilShowing(page, 1);
  assert.deepEqual(await titles(page), [HAFFNER]);

  await facetValue(page, 'Author', 'Martin Haffner').click();
  await untilShowing(page, N_ARTICLES);
  const no_byline = page
    .getByRole('region', { name: 'Filters' })
    .getByRole('group', { name: 'Author' })
    .getByRole('checkbox', { name: 'No byline (4)', exact: true });
  await no_byline.click();
  await untilShowing(page, N_ARTICLES - 1);
  assert.ok(!(await titles(page)).includes(HAFFNER), 'the bylined article is gone');
  await finish();
});

test('searching "spheres of influence" ranks the December 2021 blog post first and marks the phrase', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  await searchBox(page).fill('spheres of influence');
  await until('the blog post to rank first', async () => (await resultLinks(page).first().innerText()) === BLOG_POST);
  const first = page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first();
  assert.match(await first.innerText(), /December 24, 2021/);
  const words = (await first.locator('p mark').allInnerTexts()).map((text) => text.toLowerCase());
  assert.ok(words.includes('spheres') && words.includes('influence'), `both words are marked in the snippet: ${words}`);

  // Quoted, the phrase is one match and one mark.
  await searchBox(page).fill('"spheres of influence"');
  await until('the quoted phrase marked as one', async () => (await first.locator('p mark').allInnerTexts()).includes('spheres of influence'));
  assert.equal(await resultLinks(page).first().innerText(), BLOG_POST);
  assert.match(page.url(), /q=%22spheres\+of\+influence%22/);
  await finish();
});

test('a filtered, searched and sorted view survives a copy of its URL into a fresh page', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  await facetValue(page, 'Author', 'No byline').click();
  await untilShowing(page, N_ARTICLES - 1);
  await searchBox(page).fill('putin');
  await until('the search to narrow the list', async () => (await status(page).innerText()).trim() !== `Showing ${N_ARTICLES - 1} of ${N_ARTICLES} articles`);
  await page.getByRole('radio', { name: 'Title' }).click();
  await until('the sort in the URL', () => page.url().includes('sort=title'));
  const shown = await titles(page);
  const said = await status(page).innerText();
  assert.ok(shown.length > 0, 'something matches');
  const link = page.url();
  await finish();

  const fresh = await open(browser, new URL(link).hash);
  await until('the same status in a fresh page', async () => (await status(fresh.page).innerText()) === said);
  assert.deepEqual(await titles(fresh.page), shown);
  assert.equal(await searchBox(fresh.page).inputValue(), 'putin');
  assert.ok(await facetValue(fresh.page, 'Author', 'No byline').isChecked());
  assert.ok(await fresh.page.getByRole('radio', { name: 'Title' }).isChecked());
  await fresh.finish();
});

test('Back undoes the last filter, and a whole search at once', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  await facetValue(page, 'Topic', 'Democracy & governance').click();
  await untilShowing(page, DEMOCRACY.length);
  await facetValue(page, 'Author', 'No byline').click();
  await until('the author in the URL and on screen', async () =>
    page.url().includes('author=') && (await facetValue(page, 'Author', 'No byline').isChecked()));
  await searchBox(page).pressSequentially('nato');
  await until('the search in the URL', () => page.url().includes('q=nato'));

  await page.goBack();
  await until('Back to clear the search', async () => !page.url().includes('q=') && (await searchBox(page).inputValue()) === '');
  await until('the filters before the search to stay', async () =>
    page.url().includes('author=') && (await facetValue(page, 'Author', 'No byline').isChecked()));

  await page.goBack();
  await until('Back to untick the author', async () => !(await facetValue(page, 'Author', 'No byline').isChecked()));
  await until('the earlier filter to stay', () => facetValue(page, 'Topic', 'Democracy & governance').isChecked());
  await untilShowing(page, DEMOCRACY.length);
  await finish();
});

test('when nothing matches, the empty state names the filter to loosen', async () => {
  const { page, finish } = await open(browser, '#/?author=Martin+Haffner&date=2021');
  await until('no results', async () => (await status(page).innerText()).trim() === `Showing 0 of ${N_ARTICLES} articles`);
  assert.equal(await page.getByRole('list', { name: 'Articles' }).count(), 0);
  const loosen = page.getByRole('button', { name: 'Clear the Date filter' });
  assert.equal(await loosen.count(), 1);
  await loosen.click();
  await untilShowing(page, 1);
  assert.deepEqual(await titles(page), [HAFFNER]);
  await finish();
});

test('axe-core finds nothing on the explorer with filters and search active, light and dark', async () => {
  const { page, finish } = await open(browser, '#/?q=nato&topic=Defence+%26+security&author=No+byline');
  await until('results', async () => (await resultLinks(page).count()) > 0);
  await until('a marked match', async () => (await page.locator('mark').count()) > 0);
  await assertAccessible(page, 'the explorer with filters (light)');
  await darkTheme(page);
  await assertAccessible(page, 'the explorer with filters (dark)');
  await finish();
});

/** The luminance (0–1) of the page's background colour as the browser computes it. */
function backgroundLuminance(page) {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
}

/**
 * Switches the page to the dark theme with the banner's toggle, as a reader does. Playwright's
 * Firefox ignores an emulated `prefers-color-scheme`, so the app's own toggle is what makes the
 * dark check mean the same in every engine; it fails unless the background really turns dark.
 */
async function darkTheme(page) {
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark theme', exact: true });
  await until('the theme toggle', async () => (await toggle.count()) === 1);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await until('the toggle to be on', async () => (await toggle.getAttribute('aria-pressed')) === 'true');
  await until('a dark background', async () => (await backgroundLuminance(page)) < 0.2);
}

test('typing fast (searches run as typing pauses) loses no keystroke and still ranks the blog post first', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  // One key at a time, as fast as the browser takes them.
  await searchBox(page).pressSequentially('spheres of influence');
  await until('the blog post to rank first', async () => (await resultLinks(page).first().innerText()) === BLOG_POST);
  await until('the whole text in the URL', () => page.url().endsWith('#/?q=spheres+of+influence'));
  assert.equal(await searchBox(page).inputValue(), 'spheres of influence', 'no keystroke was lost');
  const first = page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first();
  const words = (await first.locator('p mark').allInnerTexts()).map((text) => text.toLowerCase());
  assert.ok(words.includes('spheres') && words.includes('influence'), `both words are marked: ${words}`);

  await finish();
});

test('a keystroke and a filter click in quick succession both count', async () => {
  const { page, finish } = await open(browser);
  await untilShowing(page, N_ARTICLES);
  const box = await searchBox(page).elementHandle();
  const author = await facetValue(page, 'Author', 'No byline').elementHandle();
  // Five keystrokes and a click in one task: the click lands while the search is still waiting for
  // typing to pause.
  await page.evaluate(([box, author]) => {
    for (const text of ['p', 'pu', 'put', 'puti', 'putin']) {
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.at(-1) }));
    }
    author.click();
  }, [box, author]);
  const both = async () =>
    page.url().includes('q=putin') && page.url().includes('author=No+byline')
    && (await searchBox(page).inputValue()) === 'putin'
    && (await facetValue(page, 'Author', 'No byline').isChecked());
  await until('the search and the filter, both in force', both);
  // Still in force well after the typing pause: no search left waiting undoes the filter. (Proving
  // an absence needs a wait; nothing here times the app.)
  await page.waitForTimeout(500);
  assert.ok(await both(), `still both: ${page.url()}`);
  const fresh = await open(browser, new URL(page.url()).hash);
  await until('the same status in a fresh page', async () => (await status(fresh.page).innerText()) === (await status(page).innerText()));
  await fresh.finish();
  await finish();
});

test('the page of results is in the URL; a page past the end shows the last', async () => {
  const { page, finish } = await open(browser, '#/?author=No+byline&page=7');
  await untilShowing(page, N_ARTICLES - 1);
  assert.equal(await page.getByRole('navigation', { name: 'Result pages' }).count(), 0, 'one page needs no page buttons');
  await facetValue(page, 'Author', 'No byline').click();
  await until('a filter step to start again at the first page', () => page.url().endsWith('#/'));
  await untilShowing(page, N_ARTICLES);
  await finish();
});

test('on a phone the filters open from a disclosure button', async () => {
  const { page, finish } = await open(browser, '#/?author=No+byline', { viewport: { width: 375, height: 740 } });
  await untilShowing(page, N_ARTICLES - 1);
  const toggle = page.getByRole('button', { name: /^Filters/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await facetValue(page, 'Topic', 'Democracy & governance').isVisible(), false, 'collapsed at first');
  await toggle.click();
  await until('the filters to show', () => facetValue(page, 'Topic', 'Democracy & governance').isVisible());
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await assertAccessible(page, 'the explorer on a phone with its filters open');
  await finish();
});
