// A large collection (a split pack, `?index=…`) in WebKit: the list from the index file, an article
// opened from its shard into the reader, the page of results in the URL, and Back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

/** The explorer's live region ("Showing N of M articles"), or null while there is none. */
async function statusText(session) {
  const main = await session.one('main');
  const found = await session.all('status', { within: main });
  const texts = await Promise.all(found.map((status) => session.text(status)));
  return texts.map((text) => text.trim()).find((text) => text.startsWith('Showing')) ?? null;
}

async function links(session) {
  const [list] = await session.all('list', { name: 'Articles' });
  return list ? session.all('link', { within: list }) : [];
}

test('WebKit: a split pack lists its articles, opens one from its shard in the reader, and Back returns', async () => {
  await withSession(driver, '?index=e2e-fixtures/split/24/index.bin#/', async (session) => {
    await until('the collection listed', async () => (await statusText(session)) === 'Showing 24 of 24 articles'
      && (await links(session)).length === 24);
    const [first] = await links(session);
    const title = first.name;
    await session.click(first);
    await session.one('heading', { name: title });
    await session.one('group', { name: 'Highlights' }, { timeout: 30_000 });
    assert.match(await session.url(), /\?index=e2e-fixtures\/split\/24\/index\.bin#\/read\//);
    assert.equal(await session.title(), `${title} — 24 synthetic articles`);
    await session.assertAccessible('the split pack reader');
    await session.back();
    await until('the list after Back', async () => (await statusText(session)) === 'Showing 24 of 24 articles');
  });
});

test('WebKit: a split pack larger than a page shows fifty rows and keeps the page in the URL', async () => {
  await withSession(driver, '?index=e2e-fixtures/generated/split/120/index.bin#/', async (session) => {
    await until('the first page', async () => (await statusText(session)) === 'Showing 120 of 120 articles'
      && (await links(session)).length === 50);
    const pages = await session.one('navigation', { name: 'Result pages' });
    await session.click(await session.one('button', { name: 'Next 50', within: pages }));
    await until('the second page', async () => /page=2/.test(await session.url()));
    await until('its range', async () => /Articles 51\u2013100 of 120/.test(await session.text(pages)));
    await session.assertAccessible('the second page of a split pack');
  });
});
