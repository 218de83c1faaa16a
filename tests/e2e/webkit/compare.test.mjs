// Compare in WebKit: two articles chosen in the picker, their rows aligned by event (a CSS subgrid),
// and a passage's link into the reader at its paragraph.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const HAFFNER = 'Putin’s statement on NATO and its implications for global security';
const CLOSED_DOORS = 'Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns';
const ENLARGEMENT = 'NATO enlargement and the non-expansion promise dispute';
const MILITARISATION = 'Militarisation and the arms race in Europe';

const column = (session, title) => session.one('region', { name: title });

/** The cell of `event` in the column of `title`, with its text and where it sits on screen. */
async function cell(session, title, event) {
  const the_cell = await session.one('group', { name: event, within: await column(session, title) });
  const [text, rect] = await Promise.all([
    session.text(the_cell),
    session.exec((el) => el.getBoundingClientRect().toJSON(), the_cell),
  ]);
  const evidence = await session.exec((el) => el.querySelectorAll('blockquote mark').length, the_cell);
  return { element: the_cell, text, rect, evidence };
}

test('WebKit: two articles chosen in the picker are compared in rows aligned by event', async () => {
  await withSession(driver, '', async (session) => {
    const primary = await session.one('navigation', { name: 'Primary' });
    await session.click(await session.one('link', { name: 'Compare', within: primary }));
    await session.one('heading', { name: 'Compare articles' });
    const picker = await session.one('group', { name: 'Articles to compare' });
    await until('five articles to pick from', async () => (await session.count('checkbox', { within: picker })) === 5);
    for (const title of [HAFFNER, CLOSED_DOORS]) {
      await session.click(await session.one('checkbox', { name: title, within: picker }));
    }
    for (const title of [HAFFNER, CLOSED_DOORS]) await column(session, title);
    assert.match(await session.url(), /#\/compare\?articles=putin-statement-on-nato,behind-closed-doors$/);

    for (const event of [ENLARGEMENT, MILITARISATION]) {
      const [left, right] = [await cell(session, HAFFNER, event), await cell(session, CLOSED_DOORS, event)];
      for (const [title, the_cell] of [[HAFFNER, left], [CLOSED_DOORS, right]]) {
        assert.ok(!the_cell.text.includes('Not covered by'), `"${title}" covers "${event}"`);
        assert.ok(the_cell.evidence > 0, `the passage of "${title}" marks the evidence for "${event}"`);
      }
      assert.ok(right.rect.left >= left.rect.right - 1, `the columns are side by side: ${JSON.stringify([left.rect, right.rect])}`);
      assert.ok(Math.abs(left.rect.top - right.rect.top) < 2, `the "${event}" row lines up: ${left.rect.top} / ${right.rect.top}`);
    }
    // Both columns list the same events in the same order.
    const headings = async (title) => (await session.exec((el) => Array.from(el.querySelectorAll('h3'), (h) => h.textContent),
      await column(session, title))).filter((name) => name !== 'Framing profile');
    assert.deepEqual(await headings(HAFFNER), await headings(CLOSED_DOORS));
    await session.assertAccessible('the compare route with two columns');
  });
});

test('WebKit: a passage links to its paragraph in the reader, which takes focus', async () => {
  await withSession(driver, '#/compare?articles=putin-statement-on-nato,behind-closed-doors', async (session) => {
    const { element } = await cell(session, CLOSED_DOORS, ENLARGEMENT);
    const [link] = await session.all('link', { name: /^Paragraph \d+ of Behind Closed Doors/, within: element });
    assert.ok(link, 'the passage has a link to its paragraph');
    const number = Number(link.name.match(/^Paragraph (\d+)/)[1]);
    await session.click(link);
    await until('the reader at that paragraph', async () => (await session.url()).endsWith(`#/read/behind-closed-doors?p=${number}`));
    await session.one('heading', { name: CLOSED_DOORS });
    await until(`paragraph ${number} to have focus`, async () => (await session.exec(() => document.activeElement?.id)) === `paragraph-${number}`);
  });
});
