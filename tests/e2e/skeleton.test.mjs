// The walking skeleton, as a reader meets it: the article list, the reader, deep links under a subpath.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Titles printed on the pages themselves (the other two seed articles carry curated titles).
const PRINTED_TITLES = [
  'The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability',
  "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'",
  'Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns',
];

async function articleLinks(page) {
  const list = page.getByRole('list', { name: 'Articles' });
  await until('five article links', async () => (await list.getByRole('link').count()) === 5);
  return list.getByRole('link');
}

test('home lists the five seed articles with the landmarks and title', async () => {
  const { page, finish } = await open(browser);
  const links = await articleLinks(page);
  const names = await links.allInnerTexts();
  for (const title of PRINTED_TITLES) {
    assert.ok(names.includes(title), `"${title}" is listed (got ${JSON.stringify(names)})`);
  }
  assert.match(await page.title(), /Parallax/);
  assert.equal(await page.getByRole('banner').count(), 1);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('navigation', { name: 'Primary' }).count(), 1);
  await assertAccessible(page, 'the home route');
  await finish();
});

test('clicking a title opens the reader, and its URL opens the same view in a fresh page', async () => {
  const { page, finish } = await open(browser);
  const title = PRINTED_TITLES[1];
  await (await articleLinks(page)).getByText(title, { exact: true }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await until('the reader heading', async () => (await heading.count()) === 1 && (await heading.innerText()) === title);
  assert.match(page.url(), /\/parallax\/.*#\/read\//, 'the reader has its own deep link under the subpath');
  assert.match(await page.title(), /Parallax/);
  const deep_link = page.url();
  await assertAccessible(page, 'the reader route');
  await finish();

  const fresh = await open(browser, new URL(deep_link).hash);
  const fresh_heading = fresh.page.getByRole('heading', { level: 1 });
  await until('the same reader heading in a fresh page', async () => (await fresh_heading.count()) === 1 && (await fresh_heading.innerText()) === title);
  assert.equal(await fresh.page.getByRole('heading', { level: 1 }).count(), 1, 'the title is the only h1');
  await fresh.finish();
});

test('the reader keeps what was stripped from the page in a collapsed disclosure', async () => {
  const { page, finish } = await open(browser);
  await (await articleLinks(page)).getByText(PRINTED_TITLES[0], { exact: true }).click();
  const summary = page.getByText('Removed from the page', { exact: true });
  await until('the removed-lines disclosure', async () => (await summary.count()) === 1);
  const removed_line = page.getByText('LEAVE A REPLY', { exact: true });
  assert.equal(await removed_line.isVisible(), false, 'collapsed until asked');
  await summary.click();
  await until('the removed lines to show', () => removed_line.first().isVisible());
  // The body no longer carries the comment form.
  const paragraphs = await page.getByRole('main').locator('p').allInnerTexts();
  assert.ok(paragraphs.length > 5, 'the clean text is in paragraphs');
  assert.ok(!paragraphs.some((p) => p.includes('Please enter your comment')), 'comment form stripped from the body');
  await finish();
});

test('Back returns from the reader to the list', async () => {
  const { page, finish } = await open(browser);
  await (await articleLinks(page)).first().click();
  await until('the reader', async () => (await page.getByRole('heading', { level: 1 }).count()) === 1 && page.url().includes('#/read/'));
  await page.goBack();
  await articleLinks(page);
  await finish();
});
