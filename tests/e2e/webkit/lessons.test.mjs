// Lessons in WebKit, as a student uses them: the key only after answering, answers (a choice, typed
// text, an opened key) still there after a reload, and the progress on the lessons page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const LOADED_WORDS = 'Loaded words and what they do to a reader';
const CHOICE = 'A public summit and a spending target that was announced.';
const HEADLINE = 'NATO members agree to spend 5% of GDP on defence by 2035';

async function atStep(session, n, total) {
  return session.one('heading', { name: new RegExp(`^Step ${n} of ${total}:`) });
}

const keyHeadings = (session) => session.count('heading', { name: 'Answer key' });
const keyButtons = (session) => session.count('button', { name: 'Show the answer key' });

async function savedOnDevice(session) {
  await until('the saved status', async () => {
    for (const status of await session.all('status')) {
      if ((await session.text(status)).includes('Saved on this device.')) return true;
    }
    return false;
  });
}

test('WebKit: a student answers, sees the key only after answering, and finds everything after a reload', async () => {
  await withSession(driver, '#/lesson/loaded-words', async (session) => {
    await session.one('heading', { name: LOADED_WORDS });
    await atStep(session, 1, 5);

    // Step 1, multiple choice: no key and no way to open it before answering.
    const choices = await session.one('group', { name: /What does the text itself report\?$/ });
    assert.equal(await session.count('radio', { within: choices }), 3);
    assert.equal(await keyHeadings(session), 0, 'no key before answering');
    assert.equal(await keyButtons(session), 0, 'no key button before answering');
    await session.click(await session.one('radio', { name: CHOICE, within: choices }));
    await until('the key button after answering', async () => (await keyButtons(session)) === 1);
    assert.equal(await keyHeadings(session), 0, 'answering alone does not show the key');
    await session.click(await session.one('button', { name: 'Show the answer key' }));
    const key = await session.one('heading', { name: 'Answer key' });
    await until('focus on the key, since its button went away', () => session.focused(key));
    const region = await until('the key in a live region', async () => {
      for (const status of await session.all('status')) {
        const text = await session.text(status);
        if (text.includes('Answer key')) return text;
      }
      return false;
    });
    assert.match(region, /Your choice matches the key\./);

    // Step 2, free text, typed key by key and saved as it is typed.
    await session.click(await session.one('link', { name: 'Next step' }));
    await until('step=2 in the URL', async () => (await session.url()).endsWith('step=2'));
    await atStep(session, 2, 5);
    assert.equal(await keyHeadings(session), 0, 'the next step starts without its key');
    assert.equal(await keyButtons(session), 0, 'and without its key button');
    const headline = await session.one('textbox', { name: /^Rewrite the headline in neutral words/ });
    await session.type(headline, HEADLINE);
    await savedOnDevice(session);
    await until('the key button after typing an answer', async () => (await keyButtons(session)) === 1);

    await session.reload();
    await atStep(session, 2, 5);
    await until('the typed answer after the reload', async () =>
      (await session.property(await session.one('textbox', { name: /^Rewrite the headline/ }), 'value')) === HEADLINE);
    await session.click(await session.one('link', { name: 'Previous step' }));
    await atStep(session, 1, 5);
    await until('the choice after the reload', async () => session.selected(await session.one('radio', { name: CHOICE })));
    await until('the opened key after the reload', async () => (await keyHeadings(session)) === 1);

    const steps = await session.one('navigation', { name: 'Steps of the lesson' });
    assert.equal((await session.text(steps)).match(/\(answered\)/g)?.length, 2, 'two steps are marked answered, in words');
    await session.assertAccessible('a lesson step with its key');

    await session.click(await session.one('link', { name: 'All lessons' }));
    await session.one('heading', { name: 'Lessons' });
    const card = await session.one('article', { name: LOADED_WORDS });
    await until('the progress of the lesson', async () => /2 of 5 answered/.test(await session.text(card)));
    await session.assertAccessible('the lessons');
  });
});
