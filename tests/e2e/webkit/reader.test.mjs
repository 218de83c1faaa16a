// The reader in WebKit: highlight layers from the legend (and in the URL), an explanation opened and
// closed from the keyboard alone, and a link to a paragraph (`?p=N`) that focuses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const HAFFNER = 'Putin’s statement on NATO and its implications for global security';
const SLUG = 'putin-statement-on-nato';

/** The highlights on screen, per layer class (`hl-<layer id>`), counted where each begins. */
function marksByLayer(session) {
  return session.exec(() => {
    const counts = {};
    for (const mark of document.querySelectorAll('main mark.hl[tabindex="0"]')) {
      for (const name of mark.classList) if (name.startsWith('hl-') && name !== 'hl-nested' && name !== 'hl-active') counts[name] = (counts[name] || 0) + 1;
    }
    return counts;
  });
}

async function explanation(session) {
  return session.exec(() => document.getElementById('highlight-explanation')?.innerText ?? '');
}

test('WebKit: unticking a layer hides its highlights and writes the layers into the URL; ticking it shows them again', async () => {
  await withSession(driver, `#/read/${SLUG}`, async (session) => {
    await session.one('heading', { name: HAFFNER });
    const legend = await session.one('group', { name: 'Highlights' });
    const boxes = await session.all('checkbox', { within: legend });
    assert.ok(boxes.length >= 2, `the article has several layers: ${boxes.map((b) => b.name)}`);
    for (const box of boxes) assert.ok(await session.selected(box), `"${box.name}" is shown at first`);
    const before_marks = await until('highlights in the text', async () => {
      const counts = await marksByLayer(session);
      return Object.keys(counts).length > 0 && counts;
    });

    const box = boxes[0];
    const [, shown_count] = box.name.match(/\((\d+)\)$/);
    await session.click(box);
    await until('the layers in the URL', async () => /[?&]layers=/.test(await session.url()));
    await until('the box unticked', async () => !(await session.selected((await session.all('checkbox', { name: box.name, within: legend }))[0])));
    const after_marks = await until('fewer highlights', async () => {
      const counts = await marksByLayer(session);
      const total = (c) => Object.values(c).reduce((a, b) => a + b, 0);
      return total(counts) < total(before_marks) && counts;
    });
    const hidden_layer = Object.keys(before_marks).find((layer) => !(layer in after_marks));
    assert.ok(hidden_layer, `one layer's highlights are gone: ${JSON.stringify(before_marks)} → ${JSON.stringify(after_marks)}`);
    assert.ok(Number(shown_count) >= before_marks[hidden_layer], `the legend's count (${shown_count}) covers the layer's highlights`);

    await session.click((await session.all('checkbox', { name: box.name, within: legend }))[0]);
    await until('every highlight back', async () => JSON.stringify(await marksByLayer(session)) === JSON.stringify(before_marks));
    await session.assertAccessible('the reader');
  });
});

test('WebKit: Tab reaches a highlight and shows why it was flagged; Escape closes it and Enter opens it again', async () => {
  // Start from paragraph 1 (focused by its link), so the next Tab stop is the article's first highlight.
  await withSession(driver, `#/read/${SLUG}?p=1`, async (session) => {
    await session.one('heading', { name: HAFFNER });
    await until('paragraph 1 to have focus', async () => (await session.exec(() => document.activeElement?.id)) === 'paragraph-1');
    assert.match(await explanation(session), /Select a highlight in the text/);

    let mark;
    for (let i = 0; i < 40 && !mark; i++) {
      await session.press('Tab');
      const active = await session.active();
      if ((await session.exec((el) => el.tagName, active)) === 'MARK') mark = active;
    }
    assert.ok(mark, 'Tab reaches a highlight in the text');
    await until('the explanation of the focused highlight', async () => /Rule[\s\S]*Why it matters/.test(await explanation(session)));
    assert.equal(await session.attribute(mark, 'aria-describedby'), 'highlight-explanation', 'the highlight is described by the explanation');
    const words = (await session.text(mark)).trim();
    assert.ok((await explanation(session)).includes(words.slice(0, 20)), `the explanation quotes the highlighted words "${words}"`);

    await session.press('Escape');
    await until('Escape to close the explanation', async () => /Select a highlight in the text/.test(await explanation(session)));
    assert.ok(await session.focused(mark), 'focus stays on the highlight');
    await session.press('Enter');
    await until('Enter to open it again', async () => /Why it matters/.test(await explanation(session)));
    await session.assertAccessible('the reader with an explanation open');
  });
});

test('WebKit: a link to a paragraph (?p=N) scrolls to it and focuses it; a number that is not a paragraph leaves the top', async () => {
  // Paragraph 12 of 15 starts well below the first screen, so reaching it takes a scroll.
  await withSession(driver, `#/read/${SLUG}?p=12`, async (session) => {
    await session.one('heading', { name: HAFFNER });
    await until('paragraph 12 to have focus', async () => (await session.exec(() => document.activeElement?.id)) === 'paragraph-12');
    assert.equal(await session.exec(() => document.activeElement.getAttribute('tabindex')), '-1', 'the paragraph is a link target, not a tab stop');
    // The stylesheet scrolls smoothly, so the paragraph arrives in view over a few frames.
    await until('paragraph 12 scrolled into view', () => session.exec(() => {
      const { top, bottom } = document.activeElement.getBoundingClientRect();
      return scrollY > 0 && top >= 0 && bottom <= innerHeight;
    }));
  });
  await withSession(driver, `#/read/${SLUG}?p=99999`, async (session) => {
    await session.one('heading', { name: HAFFNER });
    await until('the text', async () => (await session.exec(() => document.querySelectorAll('main p[id^="paragraph-"]').length)) > 3);
    assert.equal(await session.exec(() => scrollY), 0, 'p=99999 leaves the reader at the top');
  });
});
