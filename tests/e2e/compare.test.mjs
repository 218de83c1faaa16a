// The compare route, as a teacher uses it: choose articles or start from an event, read the rows and
// the framing profiles, share the URL, print the worksheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HAFFNER = 'Putin’s statement on NATO and its implications for global security';
const CLOSED_DOORS = 'Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns';
const DENIAL_BLOG = "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'";
const DEMOCRACY = 'NATO’s support for democracy and stability';
const ENLARGEMENT = 'NATO enlargement and the non-expansion promise dispute';
const MILITARISATION = 'Militarisation and the arms race in Europe';

/** Ticks the boxes named by `titles` in the picker, in order, and waits for their columns. */
async function choose(page, titles) {
  const picker = page.getByRole('group', { name: 'Articles to compare' });
  await until('the article picker', async () => (await picker.getByRole('checkbox').count()) === 5);
  for (const title of titles) {
    await picker.getByRole('checkbox', { name: title, exact: true }).check();
  }
  for (const title of titles) {
    await until(`the column of "${title}"`, async () => (await column(page, title).count()) === 1);
  }
}

function column(page, title) {
  return page.getByRole('region', { name: title, exact: true });
}

/** The cell of one event's row in one column. */
function cell(page, title, event) {
  return column(page, title).getByRole('group', { name: event, exact: true });
}

async function assertCovered(page, title, event) {
  const the_cell = cell(page, title, event);
  assert.equal(await the_cell.count(), 1, `"${title}" has a row for "${event}"`);
  assert.equal(await the_cell.getByRole('heading', { name: event, exact: true }).count(), 1, 'the row is headed by the event');
  const text = await the_cell.innerText();
  assert.ok(!text.includes('Not covered by'), `"${title}" covers "${event}": ${text}`);
  assert.ok((await the_cell.locator('blockquote mark').count()) > 0, 'the passage marks the evidence it was matched on');
}

test('the Primary navigation leads to the compare route, which asks for two to four articles', async () => {
  const { page, finish } = await open(browser);
  const link = page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Compare', exact: true });
  await until('the Compare link', async () => (await link.count()) === 1);
  await link.click();
  await until('the compare page', async () => (await page.getByRole('heading', { level: 1, name: 'Compare articles' }).count()) === 1);
  assert.match(page.url(), /#\/compare$/);
  assert.equal(await link.getAttribute('aria-current'), 'page');
  const status = page.getByRole('main').getByRole('status');
  await until('the message to choose articles', async () => /two to four/.test(await status.innerText()));
  assert.equal(await page.getByRole('region', { name: HAFFNER, exact: true }).count(), 0, 'no columns yet');
  await page.getByRole('group', { name: 'Articles to compare' }).getByRole('checkbox', { name: HAFFNER, exact: true }).check();
  await until('the message to choose one more', async () => /at least one more/.test(await status.innerText()));
  assert.equal(await page.getByRole('region', { name: HAFFNER, exact: true }).count(), 0, 'one article is no comparison');
  await assertAccessible(page, 'the compare route before a comparison');
  await finish();
});

test('the Haffner commentary and "Behind Closed Doors" tell NATO expansion and militarisation in the same rows', async () => {
  const { page, finish } = await open(browser, '#/compare');
  await choose(page, [HAFFNER, CLOSED_DOORS]);
  for (const event of [ENLARGEMENT, MILITARISATION]) {
    await assertCovered(page, HAFFNER, event);
    await assertCovered(page, CLOSED_DOORS, event);
  }
  // Rows both articles cover come first, then rows only one covers.
  const covered_by_both = [];
  const headings = await column(page, HAFFNER).getByRole('heading', { level: 3 }).allInnerTexts();
  for (const event of headings.filter((h) => h !== 'Framing profile')) {
    const texts = await Promise.all([HAFFNER, CLOSED_DOORS].map((title) => cell(page, title, event).innerText()));
    covered_by_both.push(texts.every((text) => !text.includes('Not covered by')));
  }
  const first_partial = covered_by_both.indexOf(false);
  assert.ok(first_partial === -1 || !covered_by_both.slice(first_partial).includes(true), `shared rows first: ${JSON.stringify(headings)} ${JSON.stringify(covered_by_both)}`);
  await assertAccessible(page, 'the compare route with two columns');
  await finish();
});

test('the December 2021 blog and the democracy explainer show different voices in their profiles', async () => {
  const { page, finish } = await open(browser, '#/compare');
  await choose(page, [DENIAL_BLOG, DEMOCRACY]);
  const counts = {};
  for (const title of [DENIAL_BLOG, DEMOCRACY]) {
    const profile = page.getByRole('region', { name: `Framing profile: ${title}`, exact: true });
    await until(`the profile of "${title}"`, async () => (await profile.count()) === 1);
    assert.equal(await profile.getByRole('heading', { name: 'Who speaks', exact: true }).count(), 1);
    const text = await profile.innerText();
    const match = text.match(/(\d+) named, (\d+) anonymous/);
    assert.ok(match, `the profile counts named and anonymous voices: ${text.slice(0, 200)}`);
    counts[title] = { named: Number(match[1]), anonymous: Number(match[2]), text };
  }
  assert.ok(counts[DENIAL_BLOG].named >= 2, `the blog quotes named people: ${JSON.stringify(counts[DENIAL_BLOG].named)}`);
  assert.ok(counts[DENIAL_BLOG].named > counts[DEMOCRACY].named, 'the blog names more of its voices than the explainer');
  assert.match(counts[DENIAL_BLOG].text, /Jens Stoltenberg \(named person\): \d+ words quoted/);
  assert.ok(!counts[DEMOCRACY].text.includes('Jens Stoltenberg (named person)'), 'the explainer does not give Stoltenberg a say');
  // Every voice links to what it is made to say, in the reader.
  const blog_profile = page.getByRole('region', { name: `Framing profile: ${DENIAL_BLOG}`, exact: true });
  const voice_link = blog_profile.getByRole('listitem').filter({ hasText: 'Jens Stoltenberg (named person)' }).getByRole('link').first();
  assert.match(await voice_link.getAttribute('href'), /^#\/read\/denial-sphere-of-influence/);
  await finish();
});

test('starting from an event lists every article that covers it and compares them', async () => {
  const { page, finish } = await open(browser, '#/compare');
  const events = page.getByRole('region', { name: 'Start from an event' });
  const link = events.getByRole('link', { name: ENLARGEMENT, exact: true });
  await until('the event link', async () => (await link.count()) === 1);
  await link.click();
  const list = page.getByRole('list', { name: `Every article covering ${ENLARGEMENT}`, exact: true });
  await until('the list of articles covering the event', async () => (await list.count()) === 1);
  const listed = await list.getByRole('listitem').allInnerTexts();
  assert.deepEqual([...listed].sort(), [HAFFNER, DENIAL_BLOG, CLOSED_DOORS].sort());
  for (const title of listed) {
    await until(`the column of "${title}"`, async () => (await column(page, title).count()) === 1);
    assert.ok(await page.getByRole('checkbox', { name: title, exact: true }).isChecked(), `"${title}" is chosen`);
    await assertCovered(page, title, ENLARGEMENT);
  }
  assert.match(page.url(), /event=nato-enlargement/);
  await finish();
});

test('a comparison survives a copy of its URL into a fresh page', async () => {
  const { page, finish } = await open(browser, '#/compare');
  await choose(page, [CLOSED_DOORS, HAFFNER]);
  const headings = await column(page, CLOSED_DOORS).getByRole('heading', { level: 3 }).allInnerTexts();
  const url = page.url();
  assert.match(url, /#\/compare\?articles=behind-closed-doors,putin-statement-on-nato/);
  await finish();

  const fresh = await open(browser, new URL(url).hash);
  await until('both columns in the fresh page', async () => (await column(fresh.page, CLOSED_DOORS).count()) === 1 && (await column(fresh.page, HAFFNER).count()) === 1);
  const regions = await fresh.page.getByRole('region').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-labelledby')));
  assert.ok(regions.indexOf('compare-title-0') < regions.indexOf('compare-title-1'));
  assert.equal(await fresh.page.locator('#compare-title-0').innerText(), CLOSED_DOORS, 'columns keep their order');
  assert.deepEqual(await column(fresh.page, CLOSED_DOORS).getByRole('heading', { level: 3 }).allInnerTexts(), headings);
  for (const title of [CLOSED_DOORS, HAFFNER]) {
    assert.ok(await fresh.page.getByRole('checkbox', { name: title, exact: true }).isChecked());
  }
  await fresh.finish();
});

/**
 * Lays the page out for print. Chromium emulates print media; Firefox driven over WebDriver BiDi
 * does not (matchMedia('print') stays false), so there the stylesheet's `@media print` rules are
 * switched on through the CSSOM instead — the same rules, applied to the screen layout.
 */
async function emulatePrint(page) {
  await page.emulateMedia({ media: 'print' });
  if (await page.evaluate(() => matchMedia('print').matches)) return;
  await page.evaluate(() => {
    const visit = (rules) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule && rule.media.mediaText.trim() === 'print') rule.media.mediaText = 'all';
        else if (rule.cssRules) visit(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules);
  });
}

test('the print layout puts the columns side by side', async () => {
  const { page, finish } = await open(browser, '#/compare?articles=putin-statement-on-nato,behind-closed-doors,denial-sphere-of-influence');
  await until('three columns', async () => (await page.getByRole('region', { name: DENIAL_BLOG, exact: true }).count()) === 1);
  await emulatePrint(page);
  await until('the picker hidden for print', async () => !(await page.getByRole('group', { name: 'Articles to compare' }).isVisible()));
  const boxes = [];
  for (const title of [HAFFNER, CLOSED_DOORS, DENIAL_BLOG]) {
    boxes.push(await column(page, title).boundingBox());
  }
  for (let i = 1; i < boxes.length; i++) {
    const [left, right] = [boxes[i - 1], boxes[i]];
    assert.ok(right.x >= left.x + left.width - 1, `column ${i + 1} is to the right of column ${i}: ${JSON.stringify(boxes)}`);
    assert.ok(Math.abs(right.y - left.y) < 2, `columns ${i} and ${i + 1} start at the same height: ${JSON.stringify(boxes)}`);
  }
  // The cells of one event line up across the columns.
  const rows = await Promise.all([HAFFNER, CLOSED_DOORS].map((title) => cell(page, title, ENLARGEMENT).boundingBox()));
  assert.ok(Math.abs(rows[0].y - rows[1].y) < 2, `the enlargement row lines up: ${JSON.stringify(rows)}`);
  await finish();
});

test('on a 360 px phone the columns scroll sideways under their heads, and every cell names its article', async () => {
  const { page, finish } = await open(browser, '#/compare?articles=putin-statement-on-nato,behind-closed-doors', { viewport: { width: 360, height: 740 } });
  for (const title of [HAFFNER, CLOSED_DOORS]) {
    await until(`the column of "${title}"`, async () => (await column(page, title).count()) === 1);
  }
  for (const title of [HAFFNER, CLOSED_DOORS]) {
    const cells = column(page, title).getByRole('group');
    const n = await cells.count();
    assert.ok(n >= 2, `"${title}" has event rows`);
    for (let i = 0; i < n; i++) {
      const text = await cells.nth(i).innerText();
      assert.ok(text.includes(`In: ${title}`), `cell ${i + 1} of "${title}" names its article: ${text.slice(0, 120)}`);
    }
  }
  // One column fills most of the screen; the other is reached by scrolling the columns sideways.
  const viewport = page.viewportSize();
  const second = await column(page, CLOSED_DOORS).boundingBox();
  assert.ok(second.x >= viewport.width * 0.6, `the second column starts off to the right: ${JSON.stringify(second)}`);
  const head = page.getByRole('heading', { level: 2, name: CLOSED_DOORS, exact: true });
  await column(page, CLOSED_DOORS).evaluate((region) => {
    const scroller = region.parentElement;
    scroller.scrollLeft = scroller.scrollWidth;
  });
  await until('the second column in view', async () => (await column(page, CLOSED_DOORS).boundingBox()).x < viewport.width * 0.5);
  await until('its head to follow it', async () => {
    const [region, heading] = [await column(page, CLOSED_DOORS).boundingBox(), await head.boundingBox()];
    return Math.abs(region.x - heading.x) < 2;
  });
  // Rows stay aligned by event across the columns.
  const rows = await Promise.all([HAFFNER, CLOSED_DOORS].map((title) => cell(page, title, ENLARGEMENT).boundingBox()));
  // Only the columns scroll sideways, never the page.
  const page_width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(page_width[0] <= page_width[1], `the page is no wider than the screen: ${page_width}`);
  assert.ok(Math.abs(rows[0].y - rows[1].y) < 2, `the enlargement row lines up: ${JSON.stringify(rows)}`);
  await assertAccessible(page, 'the compare route on a phone');
  await finish();
});

test('a passage links to its paragraph in the reader, which scrolls to it and focuses it', async () => {
  const { page, finish } = await open(browser, '#/compare?articles=putin-statement-on-nato,behind-closed-doors');
  const the_cell = cell(page, CLOSED_DOORS, ENLARGEMENT);
  await until('the enlargement cell', async () => (await the_cell.count()) === 1);
  const link = the_cell.getByRole('link', { name: new RegExp(`^Paragraph \\d+ of ${CLOSED_DOORS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, in the reader$`) }).first();
  assert.equal(await the_cell.getByRole('link', { name: /^Paragraph \d+ of / }).count(), await the_cell.locator('blockquote').count(), 'every passage has its link');
  const number = Number((await link.innerText()).match(/Paragraph (\d+)/)[1]);
  const passage = (await the_cell.locator('blockquote').first().innerText()).replace(/\s+/g, ' ').trim();
  await link.click();
  await until('the reader at that paragraph', () => page.url().endsWith(`#/read/behind-closed-doors?p=${number}`));
  await until('the reader', async () => (await page.getByRole('heading', { level: 1, name: CLOSED_DOORS }).count()) === 1);
  const focused = async () => page.evaluate(() => ({
    id: document.activeElement?.id,
    text: document.activeElement?.innerText.replace(/\s+/g, ' ').trim(),
    top: document.activeElement?.getBoundingClientRect().top,
  }));
  await until(`paragraph ${number} to have focus`, async () => (await focused()).id === `paragraph-${number}`);
  const { text, top } = await focused();
  assert.ok(text.includes(passage), `the focused paragraph holds the passage: ${passage.slice(0, 80)} / ${text.slice(0, 80)}`);
  assert.ok(top >= 0 && top < page.viewportSize().height, `the paragraph is scrolled into view (top ${top})`);
  await assertAccessible(page, 'the reader opened at a paragraph');
  await finish();
});
