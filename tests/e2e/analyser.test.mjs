// Analysing a pasted text in the analysis worker: the engine is fetched only when first needed, the
// result appears, and the page keeps responding while a long text is analysed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Requests for the worker's files (`analyse-worker-…`), recorded from the moment the page opens. */
function recordWorkerRequests(context) {
  const seen = [];
  context.on('request', (request) => {
    // The offline worker's precache fetches every file in the background; only the page's own loads count.
    if (request.serviceWorker()) return;
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.startsWith('analyse-worker')) seen.push(name);
  });
  return seen;
}

/** A news-like text of about `bytes` bytes: numbered paragraphs with quotes, attributions and hedges. */
function longText(bytes) {
  const people = ['Maria Keller', 'Tomasz Nowak', 'Aisha Bello', 'Kenji Sato', 'Lucía Ortega'];
  const paragraphs = ['Council weighs new budget rules\n\nBy Sam Rivera\n\nMarch 3, 2025'];
  let size = paragraphs[0].length;
  for (let i = 0; size < bytes; i += 1) {
    const person = people[i % people.length];
    const paragraph = `"We will look at every option before item ${i} goes to a vote," said ${person}, a council member. `
      + `Critics called the proposal reckless, according to officials who spoke on condition of anonymity, `
      + `and some analysts suggested the costs could rise by ${(i % 40) + 2} percent.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

async function analyseForm(page) {
  const textbox = page.getByRole('textbox', { name: 'Article text', exact: true });
  await until('the text box', async () => (await textbox.count()) === 1, { timeout: 30_000 });
  return { textbox, button: page.getByRole('button', { name: 'Analyse', exact: true }) };
}

test('the engine is fetched only when a text is first analysed, and the analysis appears', async () => {
  const { page, context, finish } = await open(browser);
  const requests = recordWorkerRequests(context);
  await until('the home page', async () => (await page.getByRole('list', { name: 'Articles' }).count()) === 1);
  // As a reader would: by the Primary navigation. (The first test of a run meets a cold browser and
  // a service worker busy precaching, so this one polls with a longer deadline.)
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Analyse a text', exact: true }).click();
  const { textbox, button } = await analyseForm(page);
  assert.deepEqual(requests, [], 'nothing of the worker is fetched before it is needed');

  await textbox.fill('Harbour plan approved\n\nBy Jo Lee\n\n"This is a good day for the town," said Mayor Ana Costa. '
    + 'Opponents called the decision a disaster, according to a statement.');
  await button.click();
  const result = page.getByRole('region', { name: 'Analysis', exact: true });
  await until('the analysis', async () => (await result.count()) === 1
    && (await result.innerText()).includes('This is a good day for the town'));
  assert.ok(requests.some((name) => name.endsWith('.wasm')), `the worker's engine was fetched (${requests})`);
  assert.ok(requests.every((name) => /[0-9a-f]{16}/.test(name)), `the worker's files have hashed names (${requests})`);
  await assertAccessible(page, 'the analyse route with a result');

  // A second text reuses the running worker.
  const fetched = requests.length;
  await textbox.fill('Second text\n\nOfficials said the bridge would reopen on Monday.');
  await button.click();
  await until('the second analysis', async () => (await result.innerText()).includes('the bridge would reopen'));
  assert.equal(requests.length, fetched, 'the worker is started once');
  await finish();
});

// A long text, though not the 2 MB limit: rendering the analysis of a text of a megabyte or more keeps
// the page busy far longer than analysing it does (every paragraph's highlight segments are cut from
// all of the article's highlights), and that rendering is not what this test is about.
test('the page keeps responding while a long text is analysed', async () => {
  const { page, finish } = await open(browser, '#/analyze');
  const { textbox, button } = await analyseForm(page);
  // Set like a paste: typing this much through the input pipeline would take minutes in any browser.
  await textbox.evaluate((element, text) => {
    element.value = text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, longText(400_000));

  // Count turns of the page's event loop (a MessageChannel ping-pong, not a clock) from the submit to
  // the moment the result appears. A page blocked by the analysis turns no loop until the result is there.
  await page.evaluate(() => {
    const probe = { turns: 0, turnsAtStart: null, turnsAtResult: null };
    window.__probe = probe;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      probe.turns += 1;
      if (probe.turnsAtResult === null) channel.port2.postMessage(0);
    };
    const resultShown = () => document.querySelector('main section[aria-label="Analysis"]')
      ?.textContent.includes('item 3 goes to a vote');
    const observer = new MutationObserver(() => {
      if (probe.turnsAtResult === null && resultShown()) {
        probe.turnsAtResult = probe.turns;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector('main form').addEventListener('submit', () => {
      probe.turnsAtStart = probe.turns;
      channel.port2.postMessage(0);
    }, { capture: true, once: true });
  });
  await button.click();

  await until('the analysis of the long text', async () => (await page.evaluate(() => window.__probe.turnsAtResult)) !== null, { timeout: 120_000, interval: 250 });
  const probe = await page.evaluate(() => window.__probe);
  assert.notEqual(probe.turnsAtStart, null, 'the form was submitted');
  assert.ok(
    probe.turnsAtResult - probe.turnsAtStart > 1,
    `the page's event loop kept turning while the text was analysed (${JSON.stringify(probe)})`,
  );
  const result = page.getByRole('region', { name: 'Analysis', exact: true });
  assert.ok((await result.innerText()).includes('Council weighs new budget rules'));
  await finish();
});

/** Records every text the page's status region shows, from now on (an observer, so no state is missed between polls). */
async function recordStatus(page) {
  await page.evaluate(() => {
    const status = document.querySelector('main [role="status"]');
    window.__statusTexts = [];
    const note = () => {
      const text = status.textContent.trim();
      if (text && window.__statusTexts.at(-1) !== text) window.__statusTexts.push(text);
    };
    new MutationObserver(note).observe(status, { childList: true, subtree: true, characterData: true });
  });
}

async function pasteLong(textbox, bytes) {
  await textbox.evaluate((element, text) => {
    element.value = text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, longText(bytes));
}

test('while the worker analyses, a polite status says so, and the result replaces it', async () => {
  const { page, finish } = await open(browser, '#/analyze');
  const { textbox, button } = await analyseForm(page);
  const status = page.getByRole('main').getByRole('status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal((await status.innerText()).trim(), '', 'no status before anything is analysed');
  await recordStatus(page);
  await pasteLong(textbox, 300_000);
  await button.click();

  const result = page.getByRole('region', { name: 'Analysis', exact: true });
  await until('the analysis', async () => (await result.count()) === 1
    && (await result.innerText()).includes('Council weighs new budget rules'), { timeout: 120_000, interval: 250 });
  const seen = await page.evaluate(() => window.__statusTexts);
  assert.ok(seen.length >= 1 && seen[0].startsWith('Analysing\u2026'), `the status said the text was being analysed (${JSON.stringify(seen)})`);
  assert.equal((await status.innerText()).trim(), '', 'the status is cleared once the result is there');
  assert.equal(await page.getByRole('button', { name: 'Cancel the analysis' }).count(), 0);
  // Rendered in full: the last paragraph of the long text is on the page.
  assert.ok((await result.innerText()).includes('goes to a vote'));
  await finish();
});

test('an analysis in progress can be cancelled, and the next one starts afresh', async () => {
  const { page, finish } = await open(browser, '#/analyze');
  const { textbox, button } = await analyseForm(page);
  // Near the 2 MB limit, so the analysis is still running when the cancel button is pressed.
  await pasteLong(textbox, 1_900_000);
  await button.click();
  const cancel = page.getByRole('button', { name: 'Cancel the analysis', exact: true });
  await until('the cancel button', async () => (await cancel.count()) === 1, { timeout: 30_000 });
  assert.ok((await page.getByRole('main').getByRole('status').innerText()).startsWith('Analysing\u2026'));
  await assertAccessible(page, 'the analyse route while analysing');
  await cancel.click();

  const alert = page.getByRole('alert');
  await until('the cancellation message', async () => (await alert.count()) === 1
    && (await alert.innerText()).includes('cancelled'));
  assert.equal((await page.getByRole('main').getByRole('status').innerText()).trim(), '');
  assert.equal(await page.getByRole('region', { name: 'Analysis', exact: true }).count(), 0, 'no result');
  assert.ok(await textbox.evaluate((element) => element === document.activeElement), 'focus returns to the text');
  assert.ok((await textbox.inputValue()).length > 1_000_000, 'the text is kept');

  await textbox.fill('Ferry service resumes\n\nOfficials said the ferry would run again on Friday.');
  await button.click();
  const result = page.getByRole('region', { name: 'Analysis', exact: true });
  await until('the analysis after cancelling', async () => (await result.count()) === 1
    && (await result.innerText()).includes('the ferry would run again'), { timeout: 30_000 });
  assert.equal(await alert.count(), 0, 'the cancellation message goes once a text is analysed');
  await finish();
});

test('cancelling a pasted text leaves the library being analysed again after an update alone', async () => {
  const { page, finish } = await open(browser, '#/analyze');
  await analyseForm(page);
  // A library saved by an older version (only the texts of its articles are kept, so the app
  // analyses them again when it opens). Its article is long: that analysis is still running when the
  // pasted text, queued behind it, is cancelled.
  await page.evaluate(async (text) => {
    const pack = await (await fetch('e2e-fixtures/packs/class.json')).json();
    pack.articles[0].analysis.text = `${pack.articles[0].analysis.text}\n\n${text}`;
    localStorage.setItem('parallax:library', JSON.stringify(pack));
  }, longText(1_500_000));
  await page.reload();
  const { textbox, button } = await analyseForm(page);
  await pasteLong(textbox, 200_000);
  await button.click();
  const cancel = page.getByRole('button', { name: 'Cancel the analysis', exact: true });
  await until('the cancel button', async () => (await cancel.count()) === 1, { timeout: 30_000 });
  await cancel.click();
  const alert = page.getByRole('alert');
  await until('the cancellation message', async () => (await alert.count()) === 1
    && (await alert.innerText()).includes('cancelled'));

  // The library's analysis went on: its article joins the built-in ones, and nothing was set aside.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Articles', exact: true }).click();
  const status = page.getByRole('main').getByRole('status').first();
  await until('the library\'s article in the list', async () => (await status.count()) === 1
    && (await status.innerText()).includes('Showing 6 of 6 articles'), { timeout: 60_000 });
  assert.ok(await page.getByRole('link', { name: /Library opens its doors on Sundays/ }).count() >= 1);
  assert.equal(await page.getByText('could not be analysed again').count(), 0);
  assert.deepEqual(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('parallax:library-not-analysed'))),
    [],
  );
  await finish();
});

test('a library that cannot be analysed again is kept aside, not overwritten, and added back on a later visit', async () => {
  // A browser without service workers (no offline copy), so that the route below sees every request.
  const init = () => { delete Navigator.prototype.serviceWorker; };
  const { page, context, finish } = await open(browser, '#/analyze', { init });
  await analyseForm(page);
  // The engine cannot be loaded: its loader says so, as it does when the Wasm cannot be fetched.
  const failing = (route) => route.fulfill({ contentType: 'text/javascript', body: 'postMessage(\'"LoadFailed"\');' });
  await context.route('**/analyse-worker-loader-*.js', failing);
  await page.evaluate(async () => {
    const pack = await (await fetch('e2e-fixtures/packs/class.json')).json();
    localStorage.setItem('parallax:library', JSON.stringify(pack));
  });
  await page.reload();
  const notice = page.getByText(/Your saved articles could not be analysed again/);
  await until('the notice', async () => (await notice.count()) === 1, { timeout: 30_000 });
  assert.match(await notice.innerText(), /could not be loaded.*kept aside, not deleted, and will be tried again the next time Parallax opens/s);
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((key) => key.startsWith('parallax:library')).map((key) => [key, localStorage.getItem(key).length > 0])));
  assert.deepEqual(await stored(), { 'parallax:library-not-analysed:1': true }, 'moved aside, out of the way of the next save');

  // A later visit with a working engine: the articles are analysed and added to the library.
  await context.unroute('**/analyse-worker-loader-*.js', failing);
  await page.evaluate(() => { window.location.hash = '#/'; });
  await page.reload();
  const status = page.getByRole('main').getByRole('status');
  await until('the kept article in the list', async () => (await status.count()) === 1
    && (await status.innerText()).includes('Showing 6 of 6 articles'), { timeout: 60_000 });
  await until('the library saved and the kept copy gone', async () => {
    const keys = await stored();
    return keys['parallax:library'] === true && !('parallax:library-not-analysed:1' in keys);
  });
  assert.ok((await page.evaluate(() => localStorage.getItem('parallax:library'))).includes('library-sunday-opening'));
  await finish();
});
