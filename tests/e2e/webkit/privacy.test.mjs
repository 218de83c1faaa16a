// Privacy in WebKit: what a student left in the browser (an answer, a theme) is listed, and "Clear my
// data" removes it after a confirmation that Cancel can back out of, leaving other sites' data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, until, withSession } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const CHOICE = 'A public summit and a spending target that was announced.';
const QUESTION = 'Remove everything Parallax stored in this browser? This cannot be undone.';

const parallaxKeys = (session) => session.exec(() => Object.keys(localStorage).filter((key) => key.startsWith('parallax')).sort());
const parallaxCaches = (session) => session.execAsync(async () => (await caches.keys()).filter((name) => name.startsWith('parallax')));

test('WebKit: the privacy page lists a student\'s answer and theme; Cancel keeps them; "Yes, clear my data" removes them', async () => {
  await withSession(driver, '#/lesson/loaded-words', async (session) => {
    // What a student leaves behind: an answer and a chosen theme.
    await session.click(await session.one('radio', { name: CHOICE }));
    const banner = await session.one('banner');
    await session.click(await session.one('button', { name: 'Dark theme', within: banner }));
    await until('the dark theme', async () => (await session.exec(() => document.documentElement.dataset.theme)) === 'dark');
    await until('both saved', async () => JSON.stringify(await parallaxKeys(session)) === JSON.stringify(['parallax-theme', 'parallax:work:loaded-words']));
    await session.exec(() => localStorage.setItem('another-app:setting', 'kept'));

    // The offline worker has cached the app, so there is an offline copy to list and clear.
    await until('the offline worker to activate and fill its cache', () => session.execAsync(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active?.state === 'activated' && (await caches.keys()).some((name) => name.startsWith('parallax'));
    }), { timeout: 60_000 });

    const footer_or_nav = await session.all('link', { name: /^Privacy/ });
    assert.ok(footer_or_nav.length >= 1, 'a link leads to the privacy page');
    await session.click(footer_or_nav[0]);
    await session.one('heading', { name: 'Privacy' });
    const table = await session.one('table', { name: 'Saved items in this browser\'s local storage' });
    const rows = await until('a row per key', async () => {
      const found = await session.all('row', { within: table });
      return found.length === 3 && found;
    });
    // One line per row, its cells separated by tabs.
    const body = (await Promise.all(rows.slice(1).map((row) =>
      session.exec((tr) => Array.from(tr.cells, (cell) => cell.textContent.trim()).join('\t'), row)))).join('\n');
    assert.match(body, /^parallax-theme\tYour choice of light or dark theme\t\d+ bytes$/m);
    assert.match(body, /^parallax:work:loaded-words\tA student's answers to the lesson “loaded-words”\t\d+ bytes$/m);
    assert.ok(!body.includes('another-app'), 'another site\'s key is not Parallax\'s to list');
    await until('the offline copy line', async () => /Offline copy: \d+ files/.test(await session.text(await session.one('main'))));
    await session.assertAccessible('the privacy route (dark)');

    // Cancel keeps everything and puts focus back.
    await session.click(await session.one('button', { name: 'Clear my data' }));
    const question = await session.one('group', { name: QUESTION });
    await until('focus on the question', async () => (await session.exec(() => document.activeElement?.textContent)) === QUESTION);
    await session.assertAccessible('the privacy route with the confirmation open');
    await session.click(await session.one('button', { name: 'Cancel', within: question }));
    await until('focus back on "Clear my data"', async () => session.focused(await session.one('button', { name: 'Clear my data' })));
    assert.deepEqual(await parallaxKeys(session), ['parallax-theme', 'parallax:work:loaded-words'], 'Cancel removes nothing');

    const caches_before = (await parallaxCaches(session)).length;
    await session.click(await session.one('button', { name: 'Clear my data' }));
    await session.click(await session.one('button', { name: 'Yes, clear my data', within: await session.one('group', { name: QUESTION }) }));
    const report = await until('the report', async () => {
      for (const status of await session.all('status')) {
        const text = (await session.text(status)).trim();
        if (text.startsWith('Your data was cleared')) return text;
      }
      return false;
    }, { timeout: 30_000 });
    const caches_said = caches_before === 1 ? '1 offline cache' : `${caches_before} offline caches`;
    assert.equal(report, `Your data was cleared: 2 saved items and ${caches_said} removed from this browser.`);
    assert.deepEqual(await parallaxKeys(session), [], 'every Parallax key is gone');
    assert.equal(await session.exec(() => localStorage.getItem('another-app:setting')), 'kept', 'other keys stay');
    assert.equal(await session.exec(() => document.documentElement.getAttribute('data-theme')), null, 'the saved theme is gone from the page');
    await until('the empty list', async () => /No saved items/.test(await session.text(await session.one('main'))));
    await session.assertAccessible('the privacy route after clearing');
  });
});
