// The explorer in WebKit, as a reader uses it: a facet, the count in the live region, search, Back,
// and result pages (over a loaded pack large enough to need them) with Back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';
import { loadPack, syntheticPack } from './packs.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const N_ARTICLES = 5;
const BLOG_POST = "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'";
const DEMOCRACY = [
  'NATO’s support for democracy and stability',
  'The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability',
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The checkbox of `value` in the facet group `facet`, whatever its count: "Value (n)". */
async function facetValue(session, facet, value) {
  const filters = await session.one('region', { name: 'Filters' });
  const group = await session.one('group', { name: facet, within: filters });
  return session.one('checkbox', { name: new RegExp(`^${escape(value)} \\(\\d+\\)$`), within: group });
}

/** The explorer's own live region (the page has others, e.g. the update prompt outside `main`). */
async function statusText(session) {
  const main = await session.one('main');
  const [status] = await session.all('status', { within: main });
  return status ? (await session.text(status)).trim() : null;
}

async function titles(session) {
  const [list] = await session.all('list', { name: 'Articles' });
  if (!list) return [];
  return Promise.all((await session.all('link', { within: list })).map((link) => link.name));
}

async function untilShowing(session, n, total = N_ARTICLES) {
  const wanted = `Showing ${n} of ${total} articles`;
  await until(`the status to read "${wanted}"`, async () => (await statusText(session)) === wanted);
  await until(`${n} result links`, async () => (await titles(session)).length === Math.min(n, 50));
}

test('WebKit: a topic facet filters the list and the live region counts it; search ranks and marks; Back undoes each', async () => {
  await withSession(driver, '', async (session) => {
    await untilShowing(session, N_ARTICLES);
    const topic = await facetValue(session, 'Topic', 'Democracy & governance');
    assert.equal(topic.name, 'Democracy & governance (2)', 'the value is named with its count');
    // WebKit drops list semantics from a list styled without bullets unless it says role="list".
    const filters = await session.one('region', { name: 'Filters' });
    const group = await session.one('group', { name: 'Topic', within: filters });
    assert.equal((await session.all('list', { within: group })).length, 1, "the Topic group's values are a list");
    const nav = await session.one('navigation', { name: 'Primary' });
    assert.equal((await session.all('list', { within: nav })).length, 1, 'the primary navigation is a list');
    await session.click(topic);
    await untilShowing(session, DEMOCRACY.length);
    assert.deepEqual((await titles(session)).sort(), [...DEMOCRACY].sort());
    assert.ok(await session.selected(await facetValue(session, 'Topic', 'Democracy & governance')));
    assert.match(await session.url(), /#\/\?topic=Democracy\+%26\+governance$/, 'the filter is in the URL');

    // Back to the whole list, then a search typed key by key.
    await session.back();
    await untilShowing(session, N_ARTICLES);
    assert.equal(await session.selected(await facetValue(session, 'Topic', 'Democracy & governance')), false);
    const box = await session.one('searchbox', { name: 'Search articles' });
    await session.type(box, 'spheres of influence');
    await until('the blog post to rank first', async () => (await titles(session))[0] === BLOG_POST);
    await until('the whole text in the URL', async () => (await session.url()).endsWith('#/?q=spheres+of+influence'));
    assert.equal(await session.property(box, 'value'), 'spheres of influence', 'no keystroke was lost');
    const marked = await session.exec(() => Array.from(document.querySelectorAll('[aria-label="Articles"] li:first-child p mark'))
      .map((mark) => mark.textContent.toLowerCase()));
    assert.ok(marked.includes('spheres') && marked.includes('influence'), `both words are marked in the snippet: ${marked}`);
    assert.match(await statusText(session), /^Showing \d of 5 articles$/);

    await session.back();
    await until('Back to clear the search', async () =>
      !(await session.url()).includes('q=') && (await session.property(await session.one('searchbox', { name: 'Search articles' }), 'value')) === '');
    await untilShowing(session, N_ARTICLES);
    await session.assertAccessible('the explorer');
  });
});

test('WebKit: with more articles than a page, Next shows the next fifty, and Back the first page again', async () => {
  const pack = syntheticPack(60);
  const total = N_ARTICLES + pack.articles.length;
  await withSession(driver, '#/import', async (session) => {
    await loadPack(session, 'class.json', JSON.stringify(pack), pack.articles.length);
    const primary = await session.one('navigation', { name: 'Primary' });
    await session.click(await session.one('link', { name: 'Articles', within: primary }));
    await untilShowing(session, total, total);

    const pages = await session.one('navigation', { name: 'Result pages' });
    assert.match(await session.text(pages), new RegExp(`Articles 1–50 of ${total}`));
    const previous = await session.one('button', { name: 'Previous 50', within: pages });
    assert.equal(await session.property(previous, 'disabled'), true, 'no page before the first');
    const first_page = await titles(session);
    await session.click(await session.one('button', { name: 'Next 50', within: pages }));
    await until('the second page', async () => (await session.text(await session.one('navigation', { name: 'Result pages' })))
      .includes(`Articles 51–${total} of ${total}`));
    await until('page=2 in the URL', async () => /[?&]page=2$/.test(await session.url()));
    const second_page = await until('the rows of the second page', async () => {
      const shown = await titles(session);
      return shown.length === total - 50 && shown;
    });
    assert.ok(!second_page.some((title) => first_page.includes(title)), 'the second page shows other articles');
    assert.equal(await statusText(session), `Showing ${total} of ${total} articles`, 'the count is of all results, not of the page');

    await session.back();
    await until('Back to the first page', async () => JSON.stringify(await titles(session)) === JSON.stringify(first_page));
    assert.ok(!(await session.url()).includes('page='), 'the first page is the URL without a page');
    await session.assertAccessible('the explorer with result pages');
  });
});
