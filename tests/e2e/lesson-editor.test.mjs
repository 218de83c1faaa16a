// The lesson editor, as a teacher and then a student use it: a two-step lesson written with the
// editor's labelled controls (a problem named beside its field and fixed, steps moved with the
// keyboard, the draft surviving a reload), saved into the lessons list, answered by a student (the
// key only after answering, the answers after a reload), edited and deleted with the student's work
// kept; a copy of a built-in lesson; the lesson carried by a downloaded pack into a fresh profile;
// axe-core on the editor empty, with problems and filled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, open, until, assertAccessible, ENGINE } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TITLE = 'Quoted or summarised?';
const MC_QUESTION = 'Whose words are given in quotation marks?';
const FREE_QUESTION = 'Why might a writer summarise someone instead of quoting them?';

const h1 = (page, name) => page.getByRole('heading', { level: 1, name });
const stepRegion = (page, n) => page.getByRole('region', { name: new RegExp(`^Step ${n}\\b`) });
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = (page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Ticks a checkbox or radio button as a keyboard user does (focus, Space) and waits for it. */
async function choose(control) {
  const id = await control.getAttribute('id');
  await control.focus();
  await control.page().keyboard.press('Space');
  await until('the control ticked', async () => control.isChecked());
  // Fields that appear with the choice must not turn the focused control into another one.
  assert.equal(await activeId(control.page()), id, 'focus stays on the control just ticked');
}

async function openEditor(page) {
  await until('the lessons page', async () => (await h1(page, 'Lessons').count()) === 1);
  await page.getByRole('link', { name: 'Write a lesson', exact: true }).click();
  await until('the editor', async () => (await h1(page, 'Write a lesson').count()) === 1);
  await until('the editor form', async () => (await page.getByRole('textbox', { name: 'Title', exact: true }).count()) === 1);
}

/**
 * Fills in the two-step lesson, leaving the first step's question empty when `missingQuestion`.
 * Returns the title of the article the first step points at and the right option.
 */
async function fillLesson(page, { missingQuestion }) {
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
  await page.getByRole('combobox', { name: 'Level' }).selectOption('intermediate');
  await page.getByRole('textbox', { name: 'Duration in minutes' }).fill('30');
  await page.getByRole('textbox', { name: /^Objectives/ }).fill('Tell a quotation from a summary.\nAsk who chose the words.');

  const one = stepRegion(page, 1);
  await one.getByRole('textbox', { name: 'Step title', exact: true }).fill('Find the quotation');
  await choose(one.getByRole('radio', { name: 'One article' }));
  const article = one.getByRole('combobox', { name: 'Article' });
  await until('the article list', async () => (await article.locator('option').count()) > 1);
  // Whichever article the pack lists first: the lesson is about quoting, not about one text.
  const articleTitle = (await article.locator('option').nth(1).textContent()).trim();
  await article.selectOption({ index: 1 });
  await choose(one.getByRole('checkbox', { name: 'Quotes', exact: true }));
  await one.getByRole('combobox', { name: 'Kind of question' }).selectOption('multiple_choice');
  if (!missingQuestion) await one.getByRole('textbox', { name: 'Question', exact: true }).fill(MC_QUESTION);
  await one.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Only the writer’s');
  await one.getByRole('textbox', { name: 'Option 2', exact: true }).fill('A named person’s');
  await choose(one.getByRole('radio', { name: 'Option 2 is the right answer' }));
  await one.getByRole('textbox', { name: /^Teacher notes/ }).fill('Ask who else could have been quoted.');

  await page.getByRole('button', { name: 'Add a step', exact: true }).click();
  await until('focus on the new step’s title', async () => (await activeId(page)) === 'step-1-title');
  const two = stepRegion(page, 2);
  await page.keyboard.type('In your own words');
  await two.getByRole('textbox', { name: 'Question', exact: true }).fill(FREE_QUESTION);
  await two.getByRole('textbox', { name: /^Model answer/ }).fill('A summary lets the writer choose the words, and the tone.');
  return { articleTitle, right: 'A named person’s' };
}

test('a teacher writes, fixes and saves a lesson; a student answers it; the teacher edits and deletes it', async () => {
  const { page, finish } = await open(browser, '#/lessons');
  await openEditor(page);
  await assertAccessible(page, 'the empty lesson editor');
  const { right } = await fillLesson(page, { missingQuestion: true });

  // Saving with a missing question: refused, the problem named in a summary and beside the field.
  await page.getByRole('button', { name: 'Save the lesson', exact: true }).click();
  const summary = page.getByRole('heading', { name: 'The lesson was not saved: 1 problem to fix' });
  await until('the problem summary', async () => (await summary.count()) === 1);
  await until('focus on the summary', async () => (await activeId(page)) === 'lesson-editor-problems');
  const question = stepRegion(page, 1).getByRole('textbox', { name: 'Question', exact: true });
  const describedBy = await question.getAttribute('aria-describedby');
  assert.ok(describedBy, 'the question is described by its problem');
  assert.match(await page.locator(`[id="${describedBy}"]`).innerText(), /Problem: The step asks no question: write the question students answer\./);
  assert.equal(await question.getAttribute('aria-invalid'), 'true');
  assert.match(page.url(), /#\/lessons\/new$/, 'still in the editor');
  await assertAccessible(page, 'the lesson editor with a problem');

  // The summary's link leads to the field; typing the question there fixes it.
  await page.getByRole('link', { name: 'Step 1: The step asks no question: write the question students answer.' }).click();
  await until('focus on the question', async () => (await activeId(page)) === 'step-0-question');
  await page.keyboard.type(MC_QUESTION);
  await until('the problem gone', async () => (await summary.count()) === 0 && (await question.getAttribute('aria-invalid')) === null);

  // Steps move with the keyboard, and focus stays with the moved step's buttons.
  await page.getByRole('button', { name: 'Move step 2 up' }).focus();
  await page.keyboard.press('Enter');
  await until('the free-text step first', async () => (await stepRegion(page, 1).getByRole('heading').innerText()) === 'Step 1: In your own words');
  await until('focus on its remaining move button', async () => (await activeText(page)) === 'Move step 1 down');
  await until('the move announced', async () => (await page.getByRole('status').filter({ hasText: 'Step 2 is now step 1 of 2.' }).count()) === 1);
  await page.keyboard.press('Enter');
  await until('the multiple-choice step first again', async () => (await stepRegion(page, 1).getByRole('heading').innerText()) === 'Step 1: Find the quotation');
  await until('focus follows the step back', async () => (await activeText(page)) === 'Move step 2 up');

  // The draft survives a reload.
  await page.reload();
  await until('the restored draft', async () => (await page.getByText('Your unsaved draft was restored.').count()) === 1);
  assert.equal(await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue(), TITLE);
  assert.equal(await stepRegion(page, 1).getByRole('textbox', { name: 'Question', exact: true }).inputValue(), MC_QUESTION);
  assert.ok(await stepRegion(page, 1).getByRole('radio', { name: 'Option 2 is the right answer' }).isChecked());
  await assertAccessible(page, 'the filled lesson editor');

  await page.getByRole('button', { name: 'Save the lesson', exact: true }).click();
  await until('the lessons list', async () => (await h1(page, 'Lessons').count()) === 1);
  await until('the saved notice', async () => (await page.getByText(`Saved the lesson “${TITLE}”.`).count()) === 1);
  const card = page.getByRole('article', { name: TITLE });
  assert.match(await card.innerText(), /Your lesson/);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parallax:lesson-draft:')).length), 0, 'the draft is gone once saved');

  // A student plays it like a built-in lesson.
  await card.getByRole('link', { name: TITLE, exact: true }).click();
  await until('the lesson', async () => (await h1(page, TITLE).count()) === 1);
  const id = decodeURIComponent(page.url().split('#/lesson/')[1].split('?')[0]);
  assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(await page.getByRole('heading', { name: 'Answer key', exact: true }).count(), 0, 'no key before answering');
  assert.equal(await page.getByRole('button', { name: 'Show the answer key' }).count(), 0);
  await page.getByRole('group', { name: new RegExp(`${MC_QUESTION.replace('?', '\\?')}$`) }).getByRole('radio', { name: right }).check();
  await page.getByRole('button', { name: 'Show the answer key', exact: true }).click();
  await until('the key', async () => (await page.getByRole('heading', { name: 'Answer key', exact: true }).count()) === 1);
  await page.getByRole('link', { name: 'Next step', exact: true }).click();
  const written = 'So that the reader hears the writer, not the person.';
  const answer = page.getByRole('textbox', { name: new RegExp(`^${FREE_QUESTION.replace('?', '\\?')}`) });
  await until('the free-text step', async () => (await answer.count()) === 1);
  await answer.fill(written);
  await until('saved', async () => (await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).count()) === 1);
  await page.reload();
  await until('the answer after the reload', async () => (await answer.inputValue()) === written);

  // The teacher edits the lesson: same id, so the student's answers stay with it.
  await page.getByRole('link', { name: 'All lessons', exact: true }).click();
  await until('the lessons list', async () => (await h1(page, 'Lessons').count()) === 1);
  await page.getByRole('link', { name: `Edit “${TITLE}”` }).click();
  await until('the editor for the lesson', async () => (await h1(page, `Edit “${TITLE}”`).count()) === 1);
  await until('its title', async () => (await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()) === TITLE);
  const edited = `${TITLE} Two ways to report`;
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(edited);
  await page.getByRole('button', { name: 'Save the lesson', exact: true }).click();
  const editedCard = page.getByRole('article', { name: edited });
  await until('the edited lesson listed', async () => (await editedCard.count()) === 1);
  assert.doesNotMatch(await editedCard.innerText(), /Not started/, 'the student’s progress stays with the edited lesson');
  assert.equal(await page.getByRole('article', { name: TITLE, exact: true }).count(), 0);

  // Deleting asks first; "Keep it" keeps it and returns focus.
  await editedCard.getByRole('button', { name: `Delete “${edited}”` }).click();
  await until('the question focused', async () => /stay in their own key/.test(await activeText(page)));
  await editedCard.getByRole('button', { name: 'Keep it' }).click();
  await until('focus back on Delete', async () => (await activeText(page)) === 'Delete');
  await editedCard.getByRole('button', { name: `Delete “${edited}”` }).click();
  await editedCard.getByRole('button', { name: 'Delete the lesson' }).click();
  await until('the lesson gone', async () => (await editedCard.count()) === 0);
  await until('the deleted notice', async () => (await page.getByText(`Deleted the lesson “${edited}”.`).count()) === 1);
  assert.ok(await page.evaluate((key) => localStorage.getItem(key) !== null, `parallax:work:${id}`), 'the student’s answers stay in their key');
  await finish();
});

test('a copy of a built-in lesson is a new lesson and the built-in one stays', async () => {
  const { page, finish } = await open(browser, '#/lessons');
  await until('the lesson list', async () => (await page.getByRole('article').count()) >= 1);
  const n_before = await page.getByRole('article').count();
  const first = page.getByRole('article').first();
  const original = (await first.getByRole('heading').innerText()).trim();
  assert.equal(await first.getByRole('button', { name: /^Delete/ }).count(), 0, 'built-in lessons cannot be deleted');
  await first.getByRole('link', { name: `Make a copy of “${original}”` }).click();
  await until('the copy in the editor', async () => (await h1(page, `Copy of “${original}”`).count()) === 1);
  await until('the copy’s title', async () => (await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()) === `${original} (copy)`);
  await page.getByRole('button', { name: 'Save the lesson', exact: true }).click();
  await until('both listed', async () => (await page.getByRole('article').count()) === n_before + 1);
  assert.equal(await page.getByRole('article', { name: original, exact: true }).count(), 1, 'the built-in lesson stays');
  assert.match(await page.getByRole('article', { name: `${original} (copy)` }).innerText(), /Your lesson/);
  await finish();
});

// Playwright's Firefox over WebDriver BiDi reports no download events (see import.test.mjs).
const NO_DOWNLOAD_EVENTS = ENGINE === 'firefox' && 'Playwright reports no downloads from Firefox over WebDriver BiDi';

test('a lesson goes with the downloaded pack and comes back in a fresh profile', { skip: NO_DOWNLOAD_EVENTS }, async () => {
  const first = await open(browser, '#/lessons');
  await openEditor(first.page);
  await fillLesson(first.page, { missingQuestion: false });
  await first.page.getByRole('button', { name: 'Save the lesson', exact: true }).click();
  await until('the lesson listed', async () => (await first.page.getByRole('article', { name: TITLE }).count()) === 1);
  await first.page.getByRole('link', { name: 'Your articles' }).first().click();
  const download_button = first.page.getByRole('button', { name: 'Download the pack' });
  await until('the import page', async () => (await download_button.count()) === 1);
  const [download] = await Promise.all([first.page.waitForEvent('download'), download_button.click()]);
  const saved = join(mkdtempSync(join(tmpdir(), 'parallax-')), download.suggestedFilename());
  await download.saveAs(saved);
  await first.finish();

  const fresh = await open(browser, '#/import');
  const input = fresh.page.getByLabel('Load a pack file (.json)');
  await until('the import page', async () => (await input.count()) === 1);
  await input.setInputFiles(saved);
  await until('the pack loaded', async () => /added 1 lesson/.test(await fresh.page.getByRole('main').getByRole('status').allInnerTexts()));
  await fresh.page.getByRole('link', { name: 'Lessons' }).first().click();
  const card = fresh.page.getByRole('article', { name: TITLE });
  await until('the lesson in the fresh profile', async () => (await card.count()) === 1);
  assert.match(await card.innerText(), /Steps:?\s*2/);
  await fresh.finish();
});

test('axe-core finds nothing on the editor with problems and several steps in the dark theme', async () => {
  const { page, finish } = await open(browser, '#/lessons');
  await page.emulateMedia({ colorScheme: 'dark' });
  await openEditor(page);
  await page.getByRole('button', { name: 'Add a step', exact: true }).click();
  const two = stepRegion(page, 2);
  await choose(two.getByRole('radio', { name: 'A comparison of two to four articles' }));
  await two.getByRole('combobox', { name: 'Kind of question' }).selectOption('multiple_choice');
  await two.getByRole('textbox', { name: 'Option 2', exact: true }).fill('The second');
  await two.getByRole('button', { name: 'Remove option 1' }).click();
  await until('focus on the option that took its place', async () => (await activeId(page)) === 'step-1-option-0');
  assert.equal(await two.getByRole('textbox', { name: 'Option 1', exact: true }).inputValue(), 'The second');
  await two.getByRole('combobox', { name: 'Kind of question' }).selectOption('select_passage');
  await page.getByRole('button', { name: 'Save the lesson', exact: true }).click();
  await until('the problem summary', async () => (await page.getByRole('heading', { name: /^The lesson was not saved: \d+ problems to fix$/ }).count()) === 1);
  await until('the comparison’s problem beside it', async () => (await two.getByText('Choose two to four articles to compare', { exact: false }).count()) >= 1);
  await assertAccessible(page, 'the lesson editor with problems (dark)');
  await finish();
});
