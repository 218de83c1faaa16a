// The privacy page, as a student or teacher reads it: what is stored where, what this browser holds
// now, and "Clear my data" with an in-page confirmation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until, assertAccessible } from './harness.mjs';
import { workerActivated } from './offline-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SEEDED = {
  'parallax-theme': 'light',
  'parallax:work:who-speaks': JSON.stringify({ answers: { 1: 'The minister and two unnamed officials.' } }),
  'parallax:library': JSON.stringify({ articles: [{ title: 'A teacher’s article', text: 'x'.repeat(3000) }] }),
};
const OTHERS = { 'another-app:setting': 'kept' };

function parallaxKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('parallax')).sort());
}

async function heading(page, name) {
  await until(`the "${name}" heading`, async () => (await page.getByRole('heading', { name, exact: true }).count()) === 1);
}

test('the privacy page lists what this browser holds, and "Clear my data" removes it after a confirmation', async () => {
  const { page, finish } = await open(browser, '#/privacy');
  await heading(page, 'Privacy');
  await workerActivated(page);
  await page.evaluate(async ({ seeded, others }) => {
    for (const [key, value] of Object.entries({ ...seeded, ...others })) localStorage.setItem(key, value);
    await (await caches.open('parallax-left-over')).put('./left-over.txt', new Response('old'));
    await (await caches.open('another-app')).put('./theirs.txt', new Response('theirs'));
  }, { seeded: SEEDED, others: OTHERS });
  await page.reload();
  await heading(page, 'Privacy');

  const table = page.getByRole('table', { name: 'Saved items in this browser\'s local storage' });
  await until('the table of saved items', async () => (await table.count()) === 1);
  // Every parallax key the browser holds now is listed (the app may have moved a value it could not
  // read aside, e.g. the seeded library to `parallax:library-unreadable`), and nothing else.
  let stored;
  let body;
  await until('one row per stored key', async () => {
    stored = await parallaxKeys(page);
    const rows = await table.getByRole('row').allInnerTexts();
    body = rows.slice(1).join('\n');
    return rows.length - 1 === stored.length;
  });
  assert.ok(stored.length >= Object.keys(SEEDED).length, `the seeded keys are stored (${stored})`);
  for (const key of stored) assert.match(body, new RegExp(`^${key}\t.+\t\\d`, 'm'), `${key} is listed with its purpose and size`);
  assert.ok(!body.includes('another-app'), 'another app\'s keys are not Parallax\'s to list');
  assert.match(body, /^parallax-theme\tYour choice of light or dark theme\t\d+ bytes$/m);
  assert.match(body, /^parallax:work:who-speaks\tA student's answers to the lesson “who-speaks”\t\d+ bytes$/m);
  assert.match(body, /^parallax:library(-unreadable)?\t(The teacher's library|A saved library that could not be read).*\t6\.\d kB$/m, 'about 3000 UTF-16 units, 2 bytes each');
  const main = page.getByRole('main');
  await until('the offline copy line', async () => /Offline copy: \d+ files/.test(await main.innerText()));

  await assertAccessible(page, 'the privacy route (light)');
  // The banner's toggle chooses dark (and saves that choice, one of the keys to clear).
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark theme', exact: true });
  await toggle.click();
  await until('the dark theme', async () => (await page.evaluate(() => document.documentElement.getAttribute('data-theme'))) === 'dark');
  await assertAccessible(page, 'the privacy route (dark)');

  // Cancel keeps everything and puts focus back.
  const clear = page.getByRole('button', { name: 'Clear my data', exact: true });
  await clear.click();
  const question = page.getByRole('group', { name: /Remove everything Parallax stored in this browser/ });
  await until('the confirmation', async () => (await question.count()) === 1);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Remove everything Parallax stored in this browser? This cannot be undone.', 'focus moves to the question');
  await assertAccessible(page, 'the privacy route with the confirmation open (dark)');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await until('focus back on "Clear my data"', () => clear.evaluate((button) => button === document.activeElement));
  assert.deepEqual(await parallaxKeys(page), stored, 'Cancel removes nothing');

  const keys_before = (await parallaxKeys(page)).length;
  const caches_before = (await page.evaluate(() => caches.keys())).filter((name) => name.startsWith('parallax')).length;
  assert.ok(caches_before >= 2, 'the offline copy and the left-over cache');
  await clear.click();
  await question.getByRole('button', { name: 'Yes, clear my data' }).click();

  const status = page.getByRole('status').filter({ hasText: 'Your data was cleared' });
  await until('the report', async () => (await status.count()) === 1, { timeout: 30_000 });
  assert.equal(
    (await status.innerText()).trim(),
    `Your data was cleared: ${keys_before} saved items and ${caches_before} offline caches removed from this browser.`,
  );
  assert.deepEqual(await parallaxKeys(page), [], 'every parallax key is gone');
  assert.equal(await page.evaluate(() => localStorage.getItem('another-app:setting')), 'kept', 'other keys stay');
  const names = await page.evaluate(() => caches.keys());
  assert.ok(!names.includes('parallax-left-over'), `the left-over cache is gone (${names})`);
  assert.ok(names.includes('another-app'), 'another app\'s cache stays');
  // The page reloaded, so nothing read from the removed data is on screen: the saved dark theme is gone.
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), null);
  await until('the empty list', async () => /No saved items/.test(await main.innerText()));
  assert.ok(!page.url().includes('cleared='), 'the report is not left in the URL');
  await assertAccessible(page, 'the privacy route after clearing');
  await finish();
});

test('with storage refused by the browser, the privacy page says so and nothing breaks', async () => {
  const { page, context, finish } = await open(browser, '#/privacy');
  await heading(page, 'Privacy');
  // As in some private modes and with site data blocked: touching localStorage throws.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.reload();
  await heading(page, 'Privacy');
  const main = page.getByRole('main');
  await until('the explanation', async () => /This browser does not let Parallax use its storage/.test(await main.innerText()));
  await assertAccessible(page, 'the privacy route without storage');

  await page.getByRole('button', { name: 'Clear my data', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, clear my data' }).click();
  const status = page.getByRole('status').filter({ hasText: 'refused access to its storage' });
  await until('the report', async () => (await status.count()) === 1, { timeout: 30_000 });
  assert.match(await status.innerText(), /no saved item could be removed; \d+ offline caches? (was|were) removed\./);
  await finish();
});
