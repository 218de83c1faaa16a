// Lessons and student work, as a student uses them: answering step by step, the answer key only after
// answering, answers surviving a reload, downloads, import into a fresh browser profile with bad files
// refused, the printed worksheet, and axe-core on the lesson routes in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, until, assertAccessible, ENGINE } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LOADED_WORDS = 'Loaded words and what they do to a reader';
const WHO_SPEAKS = 'Who gets to speak? Named and anonymous sources';

/** Waits for step `n` of `total` to be the page's step. */
async function atStep(page, n, total) {
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${n} of ${total}:`) });
  await until(`step ${n} of ${total}`, async () => (await heading.count()) === 1);
  return heading;
}

async function next(page, n, total) {
  await page.getByRole('link', { name: 'Next step', exact: true }).click();
  await until(`step=${n} in the URL`, async () => page.url().endsWith(`step=${n}`));
  return atStep(page, n, total);
}

/**
 * Clicks `button` and returns the file the app offers: its name and text. Chromium reports the
 * download to Playwright. Firefox driven over WebDriver BiDi does not report it here, so there the
 * Blob the app hands to its `<a download>` is recorded in the page and read back instead.
 */
async function downloadFrom(page, button) {
  if (ENGINE === 'chromium') {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
  await page.evaluate(() => {
    if (window.parallaxOffered) return;
    window.parallaxOffered = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = create.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download && blobs.has(this.href)) window.parallaxOffered.push({ name: this.download, blob: blobs.get(this.href) });
      return click.call(this);
    };
  });
  const before = await page.evaluate(() => window.parallaxOffered.length);
  await button.click();
  await until('the offered file', async () => (await page.evaluate(() => window.parallaxOffered.length)) > before);
  return page.evaluate(async (index) => {
    const { name, blob } = window.parallaxOffered[index];
    return { name, text: await blob.text() };
  }, before);
}

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

const keyHeading = (page) => page.getByRole('heading', { name: 'Answer key', exact: true });
const showKey = (page) => page.getByRole('button', { name: 'Show the answer key', exact: true });

test('a student answers every step, sees each key only after answering, and finds the answers after a reload', async () => {
  const { page, finish } = await open(browser, '#/lesson/loaded-words');
  await until('the lesson', async () => (await page.getByRole('heading', { level: 1, name: LOADED_WORDS }).count()) === 1);
  await atStep(page, 1, 5);

  // Step 1, multiple choice: no key and no way to open it before answering.
  const choices = page.getByRole('group', { name: /What does the text itself report\?$/ });
  assert.equal(await choices.getByRole('radio').count(), 3);
  assert.equal(await keyHeading(page).count(), 0, 'no key before answering');
  assert.equal(await showKey(page).count(), 0, 'no key button before answering');
  await choices.getByRole('radio', { name: 'A public summit and a spending target that was announced.' }).check();
  await until('the key button after answering', async () => (await showKey(page).count()) === 1);
  assert.equal(await keyHeading(page).count(), 0, 'answering alone does not show the key');
  await showKey(page).click();
  await until('the key', async () => (await keyHeading(page).count()) === 1);
  await until('focus on the key, since its button went away', async () =>
    page.evaluate(() => document.activeElement?.textContent === 'Answer key'));
  const region = page.getByRole('status').filter({ has: keyHeading(page) });
  assert.match(await region.innerText(), /Your choice matches the key\./);

  // Step 2, free text, saved as it is typed.
  await next(page, 2, 5);
  assert.equal(await keyHeading(page).count(), 0, 'the next step starts without its key');
  const headline = page.getByRole('textbox', { name: /^Rewrite the headline in neutral words/ });
  await headline.fill('NATO members agree to spend 5% of GDP on defence by 2035');
  await until('the saved status', async () => (await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).count()) === 1);

  // Step 3, select the passage: the article's paragraphs as a radio group, by keyboard.
  await next(page, 3, 5);
  const passages = page.getByRole('group', { name: 'Select the passage whose words make migration sound like a threat.' });
  const n_passages = await passages.getByRole('radio').count();
  assert.ok(n_passages >= 5, `the article's paragraphs are offered (${n_passages})`);
  await passages.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await until('the first passage chosen', async () => passages.getByRole('radio').first().isChecked());
  await page.keyboard.press('ArrowDown');
  await until('the second passage chosen with the arrow key', async () => passages.getByRole('radio').nth(1).isChecked());
  await passages.getByRole('radio', { name: /mass migration on their social cohesion/ }).check();
  await showKey(page).click();
  await until('the passage key', async () => (await page.getByText('You chose the same passage.', { exact: true }).count()) === 1);

  // Steps 4 and 5.
  await next(page, 4, 5);
  await page.getByRole('radio', { name: 'Nothing: it is a neutral technical term.' }).check();
  await showKey(page).click();
  await until('a different choice is named as such', async () => (await page.getByText(/^Your choice is different from the key/).count()) === 1);
  await next(page, 5, 5);
  await page.getByRole('textbox', { name: /^Compare “Russian officials/ }).fill('“Maintained” sounds like they insist against the evidence.');
  assert.equal(await page.getByRole('link', { name: 'Next step', exact: true }).count(), 0, 'the last step has no next step');

  // The step list marks answered steps in words, not only with a tick.
  const steps = page.getByRole('navigation', { name: 'Steps of the lesson' });
  assert.equal(await steps.getByText('(answered)').count(), 5);

  // A reload keeps everything, the revealed keys included.
  await page.goto(page.url().replace(/step=5$/, 'step=2'));
  await page.reload();
  await atStep(page, 2, 5);
  await until('the typed answer after the reload', async () =>
    (await page.getByRole('textbox', { name: /^Rewrite the headline/ }).inputValue()) === 'NATO members agree to spend 5% of GDP on defence by 2035');
  await page.getByRole('link', { name: 'Previous step', exact: true }).click();
  await atStep(page, 1, 5);
  await until('the choice after the reload', async () =>
    page.getByRole('radio', { name: 'A public summit and a spending target that was announced.' }).isChecked());
  await until('the opened key after the reload', async () => (await keyHeading(page).count()) === 1);

  // The lessons page shows the progress.
  await page.getByRole('link', { name: 'All lessons', exact: true }).click();
  await until('the lessons page', async () => (await page.getByRole('heading', { level: 1, name: 'Lessons' }).count()) === 1);
  const card = page.getByRole('article', { name: LOADED_WORDS });
  await until('the progress of the lesson', async () => (await card.innerText()).includes('All 5 answered'));
  assert.match(await page.getByRole('article', { name: WHO_SPEAKS }).innerText(), /Not started/);
  await finish();
});

test('work downloaded as JSON continues in a fresh browser profile; bad files are refused and change nothing', async () => {
  const first = await open(browser, '#/lesson/who-gets-to-speak');
  let page = first.page;
  await atStep(page, 1, 5);
  const voices = 'Jens Stoltenberg is quoted by name; “analysts” and “Western leaders” are not named.';
  await page.getByRole('textbox', { name: /^Who gets to speak in this article\?/ }).fill(voices);
  await page.goto(page.url() + '?step=3');
  await atStep(page, 3, 5);
  const right = 'The reader cannot check who they are or what they know, so the claim rests on trusting the writer.';
  await page.getByRole('radio', { name: right }).check();
  await until('the saved status', async () => (await page.getByText('Saved on this device.', { exact: true }).count()) === 1);

  const json_file = await downloadFrom(page, page.getByRole('button', { name: 'Download my work as JSON', exact: true }));
  assert.equal(json_file.name, 'parallax-who-gets-to-speak.json');
  const json = json_file.text;
  assert.equal(JSON.parse(json).lesson, 'who-gets-to-speak');

  const markdown_file = await downloadFrom(page, page.getByRole('button', { name: 'Download my work as Markdown', exact: true }));
  assert.equal(markdown_file.name, 'parallax-who-gets-to-speak.md');
  const markdown = markdown_file.text;
  assert.ok(markdown.startsWith(`# ${WHO_SPEAKS}\n`), markdown.slice(0, 80));
  assert.ok(markdown.includes(`> ${voices}`), 'the free-text answer is in the Markdown');
  assert.ok(markdown.includes(`- [x] ${right}`), 'the chosen option is ticked in the Markdown');
  await first.finish();

  // A fresh profile: nothing saved yet.
  const second = await open(browser, '#/lesson/who-gets-to-speak?step=3');
  page = second.page;
  await atStep(page, 3, 5);
  const radio = page.getByRole('radio', { name: right });
  assert.equal(await radio.isChecked(), false, 'a fresh profile starts empty');
  await page.getByRole('radio', { name: 'Only bad outlets ever use anonymous sources.' }).check();
  const importer = page.getByLabel(/^Continue from a JSON file you downloaded/);
  const refused = page.getByRole('status').filter({ hasText: 'Not imported.' });
  const bad_files = [
    [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my notes') }, 'it is not JSON'],
    [{ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2, "articles": []}') }, 'This JSON file is not a Parallax work file'],
    [{ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(json.replace('"version": 1', '"version": 99')) }, 'saved by a newer version of Parallax (format 99)'],
    [{ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(json.replaceAll('who-gets-to-speak', 'knitting-basics')) }, 'which the pack “NATO and Russia” does not have'],
    [{ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(3 * 1024 * 1024, 32) }, 'This file is 3.0 MB'],
  ];
  for (const [file, message] of bad_files) {
    await importer.setInputFiles(file);
    await until(`the refusal of ${file.name}`, async () => (await refused.filter({ hasText: message }).count()) === 1);
    assert.ok(await page.getByRole('radio', { name: 'Only bad outlets ever use anonymous sources.' }).isChecked(), `${file.name} changed nothing`);
  }

  await importer.setInputFiles({ name: 'parallax-who-gets-to-speak.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await until('the import message', async () => (await page.getByRole('status').filter({ hasText: 'Imported 2 answers.' }).count()) === 1);
  await until('the imported choice', async () => radio.isChecked());
  await page.reload();
  await atStep(page, 3, 5);
  await until('the imported choice after a reload', async () => page.getByRole('radio', { name: right }).isChecked());
  await page.getByRole('link', { name: /^1\. List the voices/ }).click();
  await atStep(page, 1, 5);
  await until('the imported text', async () =>
    (await page.getByRole('textbox', { name: /^Who gets to speak in this article\?/ }).inputValue()) === voices);
  await second.finish();
});

test('the print view is a complete worksheet with the answers and no navigation', async () => {
  const { page, finish } = await open(browser, '#/lesson/check-the-dateline?step=3');
  await atStep(page, 3, 6);
  const answer = 'NATO met in Madrid in June 2022; Belarus is not a member.';
  await page.getByRole('textbox', { name: /^The article places a Lithuania–Belarus exchange/ }).fill(answer);
  await until('the saved status', async () => (await page.getByText('Saved on this device.', { exact: true }).count()) === 1);
  const worksheet = page.getByRole('heading', { name: 'Worksheet: Check the dateline and the experts' });
  assert.equal(await worksheet.isVisible(), false, 'the worksheet is for paper only');

  await emulatePrint(page);
  await until('the worksheet in print', async () => worksheet.isVisible());
  const sheet = page.locator('section').filter({ has: worksheet });
  const text = await sheet.innerText();
  for (let n = 1; n <= 6; n++) assert.match(text, new RegExp(`Step ${n}: `), `step ${n} is on the worksheet`);
  assert.ok(text.includes(answer), 'the answer is on the worksheet');
  assert.ok(text.includes('When does the page say the article was published?'), 'unanswered questions are there too');
  assert.equal(await page.getByRole('banner').isVisible(), false, 'no site header on paper');
  assert.equal(await page.getByRole('navigation', { name: 'Steps of the lesson' }).isVisible(), false, 'no step list on paper');
  assert.equal(await page.getByRole('button', { name: 'Print the worksheet' }).isVisible(), false, 'no buttons on paper');
  await finish();
});

test('axe-core finds nothing on the lessons and a lesson, with answers and keys shown, in light and dark', async () => {
  const { page, finish } = await open(browser, '#/lessons');
  await until('the lesson list', async () => (await page.getByRole('article').count()) === 4);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(page.url().replace(/#.*$/, '#/lessons'));
    await until('the lesson list', async () => (await page.getByRole('article').count()) === 4);
    await assertAccessible(page, `the lessons (${scheme})`);

    await page.goto(page.url().replace(/#.*$/, '#/lesson/one-event-several-framings'));
    await atStep(page, 1, 6);
    await assertAccessible(page, `a lesson's first step (${scheme})`);
    await page.goto(page.url().replace(/#.*$/, '#/lesson/one-event-several-framings?step=4'));
    await atStep(page, 4, 6);
    const passages = page.getByRole('group', { name: /^Select the passage that begins in the writer’s own voice/ });
    await passages.getByRole('radio', { name: /^It is hardly surprising/ }).check();
    // The first time the key waits behind its button; the second time (dark) it was opened already.
    await until('the key or its button', async () => (await showKey(page).count()) + (await keyHeading(page).count()) > 0);
    if (await showKey(page).count()) await showKey(page).click();
    await until('the key', async () => (await keyHeading(page).count()) === 1);
    await assertAccessible(page, `a passage step with its key (${scheme})`);
  }
  await finish();
});
