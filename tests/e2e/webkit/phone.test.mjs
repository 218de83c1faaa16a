// A phone-sized page in WebKit (390×844 CSS pixels, an iPhone's): the explorer's filters open from
// their disclosure button and filter the list, the reader's text and highlights fit the width and an
// explanation opens beside the text; nothing scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const PHONE = { width: 390, height: 844 };
const N_ARTICLES = 5;
const HAFFNER = 'Putin’s statement on NATO and its implications for global security';

/** Fails if the page is wider than the window, naming the elements that stick out. */
async function assertNoSidewaysScroll(session, where) {
  const { scrollWidth, innerWidth, wide } = await session.exec(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    wide: Array.from(document.querySelectorAll('body *'))
      .filter((el) => { const { right, width } = el.getBoundingClientRect(); return width > 0 && right > innerWidth + 0.5; })
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
  assert.ok(scrollWidth <= innerWidth, `${where}: the page scrolls sideways (${scrollWidth} px wide in ${innerWidth}); wide: ${wide}`);
}

async function statusText(session) {
  const [status] = await session.all('status', { within: await session.one('main') });
  return status ? (await session.text(status)).trim() : null;
}

const untilShowing = (session, n) => until(`the status to read "Showing ${n} of ${N_ARTICLES} articles"`,
  async () => (await statusText(session)) === `Showing ${n} of ${N_ARTICLES} articles`);

test('WebKit on a phone: the filters open from their disclosure button and filter the list; nothing scrolls sideways', async () => {
  await withSession(driver, null, async (session) => {
    await session.openSized('', PHONE);
    await untilShowing(session, N_ARTICLES);
    const filters = await session.one('region', { name: 'Filters' });
    const toggle = await session.one('button', { name: /^Filters/, within: filters });
    assert.equal(await session.attribute(toggle, 'aria-expanded'), 'false', 'collapsed at first');
    assert.equal(await session.count('group', { name: 'Topic', within: filters }), 0, 'the facets are hidden while collapsed');
    await assertNoSidewaysScroll(session, 'the explorer');

    await session.click(toggle);
    const topic = await session.one('group', { name: 'Topic', within: filters });
    assert.equal(await session.attribute(toggle, 'aria-expanded'), 'true');
    const value = await session.one('checkbox', { name: /^Democracy & governance \(\d+\)$/, within: topic });
    await session.click(value);
    await untilShowing(session, 2);
    assert.equal((await session.one('button', { name: /^Filters/, within: filters })).name, 'Filters (1 active)', 'the button counts the active filter');
    await assertNoSidewaysScroll(session, 'the explorer with its filters open');
    await session.assertAccessible('the explorer on a phone with its filters open');
  }, { popups: true });
});

test('WebKit on a phone: the reader’s text fits the width at a readable size, and a highlight is explained', async () => {
  await withSession(driver, null, async (session) => {
    await session.openSized('#/read/putin-statement-on-nato', PHONE);
    await session.one('heading', { name: HAFFNER });
    await until('the text', async () => (await session.exec(() => document.querySelectorAll('main p[id^="paragraph-"]').length)) > 3);
    await assertNoSidewaysScroll(session, 'the reader');
    const text = await session.exec(() => {
      const paragraphs = Array.from(document.querySelectorAll('main p[id^="paragraph-"]'));
      const boxes = paragraphs.map((p) => p.getBoundingClientRect());
      return {
        left: Math.min(...boxes.map((b) => b.left)),
        right: Math.max(...boxes.map((b) => b.right)),
        narrowest: Math.min(...boxes.map((b) => b.width)),
        fontSize: parseFloat(getComputedStyle(paragraphs[0]).fontSize),
      };
    });
    assert.ok(text.left >= 8 && text.right <= PHONE.width - 8, `the text stays inside the screen with a margin: ${JSON.stringify(text)}`);
    assert.ok(text.narrowest >= PHONE.width * 0.75, `the text takes most of the width, nothing beside it: ${JSON.stringify(text)}`);
    assert.ok(text.fontSize >= 16, `the text is at least 16 px: ${JSON.stringify(text)}`);

    // The legend comes before the text, and a tapped highlight is explained below it.
    const legend = await session.one('group', { name: 'Highlights' });
    assert.ok((await session.all('checkbox', { within: legend })).length >= 2, 'the legend lists the layers');
    const [mark] = await session.exec(() => Array.from(document.querySelectorAll('main mark.hl[tabindex="0"]')));
    assert.ok(mark, 'the text has highlights');
    await session.click(mark);
    const explanation = () => session.exec(() => document.getElementById('highlight-explanation')?.innerText ?? '');
    await until('the explanation of the highlight', async () => /Rule[\s\S]*Why it matters/.test(await explanation()));
    const box = await session.exec(() => {
      const { left, right, top, bottom } = document.getElementById('highlight-explanation').getBoundingClientRect();
      return { left, right, top, bottom };
    });
    assert.ok(box.left >= 0 && box.right <= PHONE.width, `the explanation fits the width: ${JSON.stringify(box)}`);
    assert.ok(box.top < PHONE.height && box.bottom > 0, `the explanation is on screen: ${JSON.stringify(box)}`);
    await assertNoSidewaysScroll(session, 'the reader with an explanation open');
    await session.assertAccessible('the reader on a phone with an explanation open');
  }, { popups: true });
});

test('WebKit on a phone: compare shows one column at a time, the other scrolled to sideways with rows still aligned', async () => {
  const CLOSED_DOORS = 'Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns';
  const ENLARGEMENT = 'NATO enlargement and the non-expansion promise dispute';
  await withSession(driver, null, async (session) => {
    await session.openSized('#/compare?articles=putin-statement-on-nato,behind-closed-doors', PHONE);
    const columns = await Promise.all([HAFFNER, CLOSED_DOORS].map((title) => session.one('region', { name: title }, { timeout: 30_000 })));
    const rect = (el) => session.exec((node) => node.getBoundingClientRect().toJSON(), el);
    // The page itself does not scroll sideways: only the columns do.
    await assertNoSidewaysScroll(session, 'the compare route');
    const second = await rect(columns[1]);
    assert.ok(second.left >= PHONE.width * 0.6, `the second column starts off to the right: ${JSON.stringify(second)}`);
    // Every cell names its article, for a reader who meets it alone.
    for (const [title, column] of [[HAFFNER, columns[0]], [CLOSED_DOORS, columns[1]]]) {
      const cell = await session.one('group', { name: ENLARGEMENT, within: column });
      assert.ok((await session.text(cell)).includes(`In: ${title}`), `the cell of "${title}" names it`);
    }
    await session.exec((column) => { column.parentElement.scrollLeft = column.parentElement.scrollWidth; }, columns[1]);
    await until('the second column in view', async () => (await rect(columns[1])).left < PHONE.width * 0.5);
    const rows = await Promise.all(columns.map(async (column) => rect(await session.one('group', { name: ENLARGEMENT, within: column }))));
    assert.ok(Math.abs(rows[0].top - rows[1].top) < 2, `the enlargement row lines up: ${JSON.stringify(rows)}`);
    await session.assertAccessible('the compare route on a phone');
  }, { popups: true });
});
