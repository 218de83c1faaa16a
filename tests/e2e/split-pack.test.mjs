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
  const results = page.getByRole('list', { name: 'Articles' });
  assert.equal(await results.getByRole('button').count(), 24);
  await assertAccessible(page, 'the split pack explorer');

  // Search looks in titles: a word of one title finds that article.
  const firstTitle = await results.getByRole('button').first().textContent();
  const word = firstTitle.split(' ').sort((a, b) => b.length - a.length)[0];
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
  await until('the search narrows the list', async () => /^Showing \d+ of 24 articles$/.test(await statusText(page))
    && (await results.getByRole('button').count()) < 24);
  const titles = await results.getByRole('button').allTextContents();
  assert.ok(titles.includes(firstTitle), `searching ${word} lists ${firstTitle}`);

  // A facet narrows too, and its count is what the list then shows.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  await until('the whole list is back', async () => (await statusText(page)) === 'Showing 24 of 24 articles');
  const topics = page.getByRole('group', { name: /^Topic/ });
  const firstTopic = topics.getByRole('checkbox').first();
  const label = await firstTopic.evaluate((box) => box.closest('label').textContent);
  const expected = Number(label.match(/\((\d+)\)/)[1]);
  await firstTopic.check();
  await until('the topic filters the list', async () => (await statusText(page)) === `Showing ${expected} of 24 articles`);
  await firstTopic.uncheck();
  await until('the whole list is back', async () => (await statusText(page)) === 'Showing 24 of 24 articles');
  assert.deepEqual(fetched, [], 'nothing is fetched for searching or filtering');

  // Opening an article fetches its shard, with "Loading the article…" announced meanwhile.
  await recordStatuses(page);
  const title = await results.getByRole('button').first().textContent();
  await results.getByRole('button', { name: title }).click();
  const heading = page.getByRole('heading', { level: 2, name: title });
  await until('the article is shown', async () => (await page.locator('article.split-reader p').count()) > 3);
  await until('its heading has focus', () => heading.evaluate((node) => node === document.activeElement));
  const seen = await page.evaluate(() => window.seenStatuses);
  assert.ok(seen.includes('Loading the article…'), `statuses seen: ${seen.join(' | ')}`);
  assert.equal(fetched.length, 1, `one shard fetched: ${fetched.join(', ')}`);
  assert.match(fetched[0], /^shard-[0-9a-f]{16}\.json$/);
  await assertAccessible(page, 'the split pack reader');

  // Back to the list, and the second article: at most its own shard is fetched, never one twice.
  await page.getByRole('button', { name: 'Back to the articles' }).click();
  await results.getByRole('button').nth(1).click();
  await until('the second article is shown', async () => (await page.locator('article.split-reader p').count()) > 3);
  assert.ok(fetched.length <= 2 && new Set(fetched).size === fetched.length, `shards fetched: ${fetched.join(', ')}`);
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
