// Import in WebKit: a pasted article is analysed on the device (in the analysis worker) and appears
// in the explorer under its author; it is still there after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

// Written for this test: a short local news story the app has never seen, with a byline and quotes.
const STORY_TITLE = 'Ferry service to the islands resumes after winter repairs';
const STORY_AUTHOR = 'Clodagh Mescall';
const STORY = `${STORY_TITLE}

By ${STORY_AUTHOR}

14 March 2025

The ferry to the outer islands will run again from Saturday after repairs to the pier took three weeks longer than planned, the harbour authority said.

Islanders had relied on a smaller boat since January. "People missed hospital appointments because of the delay," said Tomás Ó Flatharta, who chairs the island co-operative.

The authority said the pier was now safe and that it would publish an inspection report next month.
`;

async function mainStatusTexts(session) {
  const main = await session.one('main');
  return Promise.all((await session.all('status', { within: main })).map((s) => session.text(s)));
}

test('WebKit: a pasted article is read, added, listed under its author in the explorer, and kept after a reload', async () => {
  await withSession(driver, '#/import', async (session) => {
    await session.one('heading', { name: 'Your articles' });
    const box = await session.one('textbox', { name: 'Article text' });
    await session.type(box, STORY);
    // Leaving the text box (Tab) reads it and fills in the fields.
    await session.press('Tab');
    const title = await session.one('textbox', { name: 'Title' });
    await until('the title filled in from the text', async () => (await session.property(title, 'value')) === STORY_TITLE, { timeout: 30_000 });
    assert.equal(await session.property(await session.one('textbox', { name: 'Author' }), 'value'), STORY_AUTHOR);
    assert.equal(await session.property(await session.one('textbox', { name: 'Date as printed' }), 'value'), '14 March 2025');
    await session.click(await session.one('button', { name: 'Add to your articles' }));
    const yours = await session.one('list', { name: 'Articles added by you' }, { timeout: 60_000 });
    await session.one('link', { name: STORY_TITLE, within: yours });
    assert.ok((await mainStatusTexts(session)).some((text) => /Added 1 article/.test(text)), 'the status says what was added');
    await session.assertAccessible('the import route with an article');

    await session.reload();
    await session.one('link', { name: STORY_TITLE, within: await session.one('list', { name: 'Articles added by you' }) });

    const primary = await session.one('navigation', { name: 'Primary' });
    await session.click(await session.one('link', { name: 'Articles', within: primary }));
    const authors = await session.one('group', { name: 'Author', within: await session.one('region', { name: 'Filters' }) });
    const author = await session.one('checkbox', { name: `${STORY_AUTHOR} (1)`, within: authors });
    await session.click(author);
    await until('only the pasted story', async () => {
      const list = await session.one('list', { name: 'Articles' });
      const links = await session.all('link', { within: list });
      return links.length === 1 && links[0].name === STORY_TITLE;
    });
    assert.ok((await mainStatusTexts(session)).includes('Showing 1 of 6 articles'), 'the live region counts the six articles');

    // The reader shows its analysis: a highlight legend for the pasted text.
    await session.click(await session.one('link', { name: STORY_TITLE }));
    await session.one('heading', { name: STORY_TITLE });
    await session.one('group', { name: 'Highlights' });
  });
});
