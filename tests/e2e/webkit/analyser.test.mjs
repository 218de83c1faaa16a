// The analyse page in WebKit: a pasted text is analysed on the device (in the analysis worker, which
// is started only then), its highlights appear, and a highlight chosen with the pointer is explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

// Written for this test: a quote, a named speaker, an anonymous attribution and a loaded word.
const QUOTE = 'This is a good day for the town';
const TEXT = `Harbour plan approved

By Jo Lee

"${QUOTE}," said Mayor Ana Costa. Opponents called the decision a disaster, according to a statement.`;

/** The files of the analysis worker the page has fetched so far, as the recorder saw them. */
const workerFiles = (session) => session.exec(() => (JSON.parse(sessionStorage.getItem('e2e:watch'))?.resources ?? [])
  .map((url) => new URL(url).pathname.split('/').pop())
  .filter((name) => name.startsWith('analyse-worker')));

/** The highlights where each begins (its tab stop) inside the Analysis region: layer, label, words. */
const highlights = (session, region) => session.exec((root) => Array.from(root.querySelectorAll('mark.hl[tabindex="0"]'))
  .map((mark) => ({ label: mark.dataset.label, words: mark.textContent, layers: Array.from(mark.classList).filter((c) => /^hl-(?!nested|active)/.test(c)) })), region);

const explanation = (session) => session.exec(() => document.getElementById('highlight-explanation')?.innerText ?? '');

test('WebKit: a pasted text is analysed in the worker, its highlights appear, and a highlight is explained', async () => {
  await withSession(driver, '', async (session) => {
    await session.one('list', { name: 'Articles' }, { timeout: 30_000 });
    const primary = await session.one('navigation', { name: 'Primary' });
    await session.click(await session.one('link', { name: 'Analyse a text', within: primary }));
    await session.one('heading', { name: 'Analyse a text' });
    const box = await session.one('textbox', { name: 'Article text' });
    assert.deepEqual(await workerFiles(session), [], 'nothing of the worker is fetched before a text is analysed');

    await session.type(box, TEXT);
    assert.equal(await session.property(box, 'value'), TEXT, 'the text arrived key by key, line breaks included');
    await session.click(await session.one('button', { name: 'Analyse' }));
    const result = await session.one('region', { name: 'Analysis' }, { timeout: 60_000 });
    await until('the text in the result', async () => (await session.text(result)).includes(QUOTE));
    await session.one('heading', { name: 'Harbour plan approved', within: result });
    const main = await session.one('main');
    const [status] = await session.all('status', { within: main });
    assert.equal((await session.text(status)).trim(), '', 'the status is empty once the result is there');
    // The page starts the worker from its loader; the worker fetches its own Wasm, which is not in the
    // page's resource timeline (nor in the recorder's view).
    const files = await workerFiles(session);
    assert.ok(files.some((name) => /^analyse-worker-loader-[0-9a-f]{16}\.js$/.test(name)), `the worker was started from its hashed loader: ${files}`);

    // Highlights: the quote among them, each with its visible label, and a legend for their layers.
    const marks = await until('highlights in the result', async () => {
      const found = await highlights(session, result);
      return found.length >= 2 && found;
    });
    assert.ok(marks.every((mark) => mark.label && mark.layers.length > 0), `every highlight has a label and a layer: ${JSON.stringify(marks)}`);
    assert.ok(marks.some((mark) => mark.words.includes('good day')), `the quote is highlighted: ${JSON.stringify(marks)}`);
    const legend = await session.one('group', { name: 'Highlights', within: result });
    assert.ok((await session.all('checkbox', { within: legend })).length >= 2, 'the legend lists the layers');
    assert.match(await explanation(session), /Select a highlight in the text/);

    // A highlight chosen with the pointer: its explanation names the rule and quotes its words.
    const [target] = await session.exec((root) => Array.from(root.querySelectorAll('mark.hl[tabindex="0"]'))
      .filter((mark) => /disaster/.test(mark.textContent)), result);
    assert.ok(target, `the loaded word "disaster" is highlighted: ${JSON.stringify(marks)}`);
    await session.click(target);
    await until('the explanation of the highlight', async () => /Rule[\s\S]*Why it matters/.test(await explanation(session)));
    assert.match(await explanation(session), /disaster/, 'the explanation quotes the highlighted words');
    assert.equal(await session.attribute(target, 'aria-describedby'), 'highlight-explanation', 'the highlight is described by its explanation');
    await session.assertAccessible('the analyse route with a highlight explained');

    await session.click(await session.one('button', { name: 'Close explanation' }));
    await until('the explanation closed', async () => /Select a highlight in the text/.test(await explanation(session)));
  });
});
