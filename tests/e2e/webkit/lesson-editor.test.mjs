// The lesson editor in WebKit, as a teacher uses it: a one-step lesson written with the editor's
// labelled controls, a problem named in plain words in a summary and beside its field, the summary's
// link moving focus to the field, the problem fixed, the lesson saved, listed among the lessons and
// opened as a student sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const TITLE = 'Who chose these words?';
const ARTICLE = 'Putin’s statement on NATO and its implications for global security';
const QUESTION = 'Which words in the first paragraph are the writer’s own?';
const PROBLEM = 'The step asks no question: write the question students answer.';
const SUMMARY = 'The lesson was not saved: 1 problem to fix';

const activeId = (session) => session.exec(() => document.activeElement?.id ?? '');

/** The text of the elements that describe `element` (its `aria-describedby`), in order. */
const description = (session, element) => session.exec((el) => (el.getAttribute('aria-describedby') || '')
  .split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.innerText.trim() ?? `(no element #${id})`).join(' | '), element);

test('WebKit: a teacher writes a one-step lesson, fixes the problem the editor names, saves it, and opens it from the lessons', async () => {
  await withSession(driver, '#/lessons', async (session) => {
    await session.one('heading', { name: 'Lessons' });
    await session.click(await session.one('link', { name: 'Write a lesson' }));
    await session.one('heading', { name: 'Write a lesson' });
    const title = await session.one('textbox', { name: 'Title' });
    await session.assertAccessible('the empty lesson editor');

    await session.type(title, TITLE);
    await session.type(await session.one('textbox', { name: 'Duration in minutes' }), '20');
    await session.type(await session.one('textbox', { name: /^Objectives/ }), 'Tell a quotation from the writer’s own words.');
    const step = await session.one('region', { name: /^Step 1\b/ });
    await session.type(await session.one('textbox', { name: 'Step title', within: step }), 'The writer’s words');
    await session.click(await session.one('radio', { name: 'One article', within: step }));
    const article = await session.one('combobox', { name: 'Article', within: step });
    const slug = await session.selectOption(article, ARTICLE);
    assert.equal(slug, 'putin-statement-on-nato', 'the article is chosen');
    const kind = await session.one('combobox', { name: 'Kind of question', within: step });
    assert.equal(await session.property(kind, 'value'), 'free_text', 'a free-text question unless another kind is chosen');
    await until('the step heading to follow its title', async () => (await session.count('heading', { name: 'Step 1: The writer’s words' })) === 1);

    // Saving without a question: refused, the problem in a summary (focused) and beside the field.
    await session.click(await session.one('button', { name: 'Save the lesson' }));
    const summary = await session.one('heading', { name: SUMMARY });
    await until('focus on the summary', async () => (await activeId(session)) === 'lesson-editor-problems');
    assert.ok(await session.focused(summary), 'the summary heading has focus');
    const question = await session.one('textbox', { name: 'Question', within: step });
    assert.equal(await session.attribute(question, 'aria-invalid'), 'true');
    assert.equal(await description(session, question), `Problem: ${PROBLEM}`, 'the problem, in plain words, describes the field');
    assert.ok(await session.exec((field) => {
      const problem = document.getElementById(field.getAttribute('aria-describedby'));
      return problem.parentElement === field.parentElement;
    }, question), 'the problem is shown beside the field, in the same field group');
    assert.match(await session.url(), /#\/lessons\/new$/, 'still in the editor');
    await session.assertAccessible('the lesson editor with a problem');

    // The summary's link moves focus to the field, without leaving the editor; typing there fixes it.
    await session.click(await session.one('link', { name: `Step 1: ${PROBLEM}` }));
    await until('focus on the question', async () => session.focused(question));
    assert.match(await session.url(), /#\/lessons\/new$/, 'the link did not change the route');
    await session.type(question, QUESTION);
    await until('the problem gone', async () => (await session.count('heading', { name: SUMMARY })) === 0
      && (await session.attribute(question, 'aria-invalid')) === null);
    assert.equal(await description(session, question), '', 'nothing describes the fixed field');

    await session.click(await session.one('button', { name: 'Save the lesson' }));
    await session.one('heading', { name: 'Lessons' });
    await until('the saved notice', async () => (await session.exec(() => document.querySelector('.library-notice')?.innerText ?? ''))
      .includes(`Saved the lesson “${TITLE}”.`));
    const card = await session.one('article', { name: TITLE });
    const card_text = await session.text(card);
    assert.match(card_text, /Your lesson/, 'the card says it is the teacher’s own');
    assert.match(card_text, /Steps:?\s*1(?!\d)/, `the card counts one step: ${card_text}`);
    assert.equal(await session.exec(() => Object.keys(localStorage).filter((k) => k.startsWith('parallax:lesson-draft:')).length), 0, 'the draft is gone once saved');
    await session.assertAccessible('the lessons with the saved lesson');

    // A student opens it: its one step, the article it points at, the question to answer.
    await session.click(await session.one('link', { name: TITLE, within: card }));
    await session.one('heading', { name: TITLE });
    await session.one('heading', { name: /^Step 1 of 1:/ });
    await session.one('textbox', { name: new RegExp(`^${QUESTION.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    assert.match(await session.url(), /#\/lesson\/[a-z0-9]+(-[a-z0-9]+)*(\?step=1)?$/, 'the lesson has a valid id in the URL');
    await session.click(await session.one('link', { name: `Open “${ARTICLE}” in the reader` }));
    await session.one('heading', { name: ARTICLE });
    assert.match(await session.url(), /#\/read\/putin-statement-on-nato\b/, 'the step leads to the article it points at');
  });
});
