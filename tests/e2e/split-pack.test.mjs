// A large collection opened as a split pack (`?index=…`): the explorer works from the index file
// alone, and the reader fetches the one shard holding an article when it is opened. The fixture is
// a split pack of 24 synthetic articles in two shards (tests/e2e/fixtures/split/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const INDEX = 'e2e-fixtures/split/24/index.bin';

/** The explorer's status line ("Showing N of M articles"), or '' while there is none. */
async function statusText(page) {
  const status = page.getByRole('status').filter({ hasText: /^Showing/ });
  return (await status.count()) === 1 ? await status.textContent() : '';
}

/** Records every text the page's status regions show, so a brief "Loading…" is not missed. */
async function recordStatuses(page) {
  await page.evaluate(() => {
    window.seenStatuses = [];
    const record = () => {
      for (const node of document.querySelectorAll('[role=status]')) window.seenStatuses.push(node.textContent);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('a split pack is explored from its index and each article is fetched from its shard when opened', async () => {
  const { page, finish } = await open(browser, `?index=${INDEX}#/`);
  const fetched = []; // shards
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.startsWith('shard-')) fetched.push(name);
  });
  await until('the collection is listed', async () => (await statusText(page)) === 'Showing 24 of 24 articles');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '24 synthetic articles');
  assert.equal(await page.title(), '24 synthetic articles — Parallax');
  const results = page.getByRole('list', { name: 'Articles' });
  assert.equal(await results.getByRole('link').count(), 24);
  await assertAccessible(page, 'the split pack explorer');

  // Search looks in titles: a word of one title finds that article, and the search is in the URL.
  const firstTitle = await results.getByRole('link').first().textContent();
  const word = firstTitle.split(' ').sort((a, b) => b.length - a.length)[0];
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
  await until('the search narrows the list', async () => /^Showing \d+ of 24 articles$/.test(await statusText(page))
    && (await results.getByRole('link').count()) < 24);
  const titles = await results.getByRole('link').allTextContents();
  assert.ok(titles.includes(firstTitle), `searching ${word} lists ${firstTitle}`);
  await until('the search in the URL', async () => new URL(page.url()).hash.includes(`q=${encodeURIComponent(word)}`));

  // A facet narrows too, and its count is what the list then shows.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  await until('the whole list is back', async () => (await statusText(page)) === 'Showing 24 of 24 articles');
  const topics = page.getByRole('group', { name: /^Topic/ });
  const firstTopic = topics.getByRole('checkbox').first();
  const label = await firstTopic.evaluate((box) => box.closest('label').textContent);
  const expected = Number(label.match(/\((\d+)\)/)[1]);
  await firstTopic.check();
  await until('the topic filters the list', async () => (await statusText(page)) === `Showing ${expected} of 24 articles`);
  const filtered = page.url();
  assert.match(new URL(filtered).hash, /topic=/);
  assert.deepEqual(fetched, [], 'nothing is fetched for searching or filtering');

  // Opening an article fetches its shard, with "Loading the article…" announced meanwhile, and shows
  // it in the reader: its title as the page's heading, its highlights and their legend.
  await recordStatuses(page);
  const title = await results.getByRole('link').first().textContent();
  await results.getByRole('link', { name: title, exact: true }).click();
  const heading = page.getByRole('heading', { level: 1, name: title, exact: true });
  await until('the article is shown', async () => (await heading.count()) === 1
    && (await page.getByRole('group', { name: 'Highlights' }).count()) === 1);
  assert.match(new URL(page.url()).hash, /^#\/read\//);
  assert.equal(await page.title(), `${title} — 24 synthetic articles`);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one h1: the article\'s title');
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'main'), 'focus moves to the new page');
  const seen = await page.evaluate(() => window.seenStatuses);
  assert.ok(seen.includes('Loading the article…'), `statuses seen: ${seen.join(' | ')}`);
  assert.equal(fetched.length, 1, `one shard fetched: ${fetched.join(', ')}`);
  assert.match(fetched[0], /^shard-[0-9a-f]{16}\.json$/);
  await assertAccessible(page, 'the split pack reader');

  // The way back returns to the same view (filter and all); so does the browser's Back.
  await page.getByRole('link', { name: 'Back to the articles' }).click();
  await until('the filtered list again', async () => (await statusText(page)) === `Showing ${expected} of 24 articles`);
  assert.equal(page.url(), filtered);
  await page.goBack();
  await until('the article again', async () => (await heading.count()) === 1);
  await page.goBack();
  await until('the filtered list after Back', async () => (await statusText(page)) === `Showing ${expected} of 24 articles`);

  // A second article: at most its own shard is fetched, never one twice.
  await firstTopic.uncheck();
  await until('the whole list is back', async () => (await statusText(page)) === 'Showing 24 of 24 articles');
  await results.getByRole('link').nth(1).click();
  await until('the second article is shown', async () => (await page.getByRole('group', { name: 'Highlights' }).count()) === 1);
  assert.ok(fetched.length <= 2 && new Set(fetched).size === fetched.length, `shards fetched: ${fetched.join(', ')}`);
  await finish();
});

test('a link to an article of a split pack opens it directly; an unknown one says so', async () => {
  const { page, finish } = await open(browser, `?index=${INDEX}#/`);
  const results = page.getByRole('list', { name: 'Articles' });
  await until('the collection is listed', async () => (await results.getByRole('link').count()) === 24);
  const link = results.getByRole('link').nth(5);
  const [title, href] = [await link.textContent(), await link.getAttribute('href')];
  await finish();

  const direct = await open(browser, `?index=${INDEX}${href}`);
  await until('the linked article', async () => (await direct.page.getByRole('heading', { level: 1, name: title, exact: true }).count()) === 1);
  await direct.finish();

  const unknown = await open(browser, `?index=${INDEX}#/read/no-such-article`);
  const alert = unknown.page.getByRole('alert');
  await until('the refusal', async () => (await alert.count()) === 1);
  assert.match(await alert.textContent(), /no article “no-such-article” in this collection/);
  assert.equal(await unknown.page.getByRole('link', { name: 'Back to the articles' }).count(), 1);
  await unknown.finish();
});

test('a collection larger than a page is listed fifty at a time, and the page is in the URL', async () => {
  // 120 synthetic articles, made by the e2e server on request.
  const { page, finish } = await open(browser, '?index=e2e-fixtures/generated/split/120/index.bin#/');
  const results = page.getByRole('list', { name: 'Articles' });
  await until('the first page', async () => (await statusText(page)) === 'Showing 120 of 120 articles'
    && (await results.getByRole('link').count()) === 50);
  const pages = page.getByRole('navigation', { name: 'Result pages' });
  assert.match(await pages.innerText(), /Articles 1–50 of 120/);
  const firstPage = await results.getByRole('link').allTextContents();

  await pages.getByRole('button', { name: 'Next 50' }).click();
  await until('the second page', async () => /Articles 51–100 of 120/.test(await pages.innerText()));
  assert.match(new URL(page.url()).hash, /page=2/);
  assert.ok(await results.evaluate((list) => list === document.activeElement), 'focus moves to the list');
  const secondPage = await results.getByRole('link').allTextContents();
  assert.equal(secondPage.length, 50);
  assert.ok(secondPage.every((title) => !firstPage.includes(title)), 'other articles');

  await pages.getByRole('button', { name: 'Next 50' }).click();
  await until('the last page', async () => /Articles 101–120 of 120/.test(await pages.innerText()));
  assert.equal(await results.getByRole('link').count(), 20);
  assert.ok(await pages.getByRole('button', { name: 'Next 50' }).isDisabled());
  const third = page.url();
  // An article of the last page, and back to that page.
  await results.getByRole('link').first().click();
  await until('the article', async () => (await page.getByRole('group', { name: 'Highlights' }).count()) === 1);
  await page.getByRole('link', { name: 'Back to the articles' }).click();
  await until('the last page again', async () => /Articles 101–120 of 120/.test(await pages.innerText()));
  assert.equal(page.url(), third);
  // Back walks the history: the article, the last page as first reached, then the second page.
  await page.goBack();
  await until('the article after Back', async () => (await page.getByRole('group', { name: 'Highlights' }).count()) === 1);
  await page.goBack();
  await until('the last page after Back', async () => /Articles 101\u2013120 of 120/.test(await pages.innerText()));
  await page.goBack();
  await until('Back to the second page', async () => /Articles 51–100 of 120/.test(await pages.innerText()));
  await assertAccessible(page, 'a page of a large collection');
  await finish();
});

test('a facet with many values finds them by name as you type, and a found value filters the list', async () => {
  const { page, finish } = await open(browser, '?index=e2e-fixtures/generated/split/120/index.bin#/');
  await until('the collection', async () => (await statusText(page)) === 'Showing 120 of 120 articles');
  const authors = page.getByRole('group', { name: 'Author', exact: true });
  const find = authors.getByRole('searchbox', { name: 'Find in Author', exact: true });
  assert.equal(await find.count(), 1, 'a long facet has a find box');
  assert.equal(await page.getByRole('group', { name: 'Date', exact: true }).getByRole('searchbox').count(), 0, 'a short one has none');
  const live = authors.locator('[aria-live="polite"]');
  const names = async () => (await authors.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.closest('label').textContent)));

  // Part of a surname, typed in capitals: every listed value contains it, and the count is said.
  const [first] = await names();
  const surname = first.replace(/\s*\(\d+\)$/, '').split(' ').pop();
  const part = surname.slice(0, 4).toUpperCase();
  await find.fill(part);
  await until('the values narrowed', async () => /^(1 value matches|\d+ values match)\.$/.test((await live.textContent()).trim()));
  const found = await names();
  assert.ok(found.length >= 1 && found.every((name) => name.toLowerCase().includes(part.toLowerCase())), `found for ${part}: ${found}`);
  const said = Number((await live.textContent()).match(/^(\d+)/)[1]);
  assert.equal(said, found.length, 'the count said is the values listed');

  // Ticking a found value filters the list; it stays listed when the box is cleared.
  const box = authors.getByRole('checkbox', { name: found[0], exact: true });
  const expected = Number(found[0].match(/\((\d+)\)$/)[1]);
  await box.check();
  await until('the author filters the list', async () => (await statusText(page)) === `Showing ${expected} of 120 articles`);
  await find.fill('');
  await until('the short list back, the ticked value in it', async () => (await live.textContent()).trim() === ''
    && (await authors.getByRole('checkbox', { name: new RegExp(`^${found[0].replace(/\s*\(\d+\)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).isChecked()));

  await find.fill('qqqzzz');
  await until('nothing found', async () => (await live.textContent()).trim() === 'No value matches.');
  assert.equal(await authors.getByRole('checkbox').count(), 1, 'only the ticked value is left');
  await assertAccessible(page, 'a facet being searched');
  await finish();
});

test('a damaged index or one from another site is refused with a reason', async () => {
  {
    const { page, finish } = await open(browser, '?index=e2e-fixtures/split/truncated.bin#/');
    const alert = page.getByRole('alert');
    await until('the refusal', async () => (await alert.count()) > 0);
    assert.match(await alert.textContent(), /cannot be opened: the index is damaged or incomplete/);
    await assertAccessible(page, 'a refused split pack');
    await finish();
  }
  {
    const { page, finish } = await open(browser, '?index=https%3A%2F%2Fexample.org%2Findex.bin#/');
    const alert = page.getByRole('alert');
    await until('the refusal', async () => (await alert.count()) > 0);
    assert.match(await alert.textContent(), /only from the site it is served from/);
    await finish();
  }
});
