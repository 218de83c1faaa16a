// Shared set-up for the end-to-end suite: a headless system browser (Chromium or Firefox ESR), one fresh browser
// context (a fresh profile) per test, and the checks every test ends with — the console stayed empty
// and no request left the app's origin.
import { chromium, firefox } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The app's URL, served under a subpath by `cargo xtask e2e` (e.g. http://127.0.0.1:PORT/parallax/). */
export const BASE = process.env.PARALLAX_URL;
if (!BASE) {
  throw new Error('PARALLAX_URL is not set: run the suite through `cargo xtask e2e` or `cargo xtask test`');
}
const ORIGIN = new URL(BASE).origin;

/** Which engine this run drives: `chromium` (default) or `firefox` (Firefox ESR over WebDriver BiDi). */
export const ENGINE = process.env.PARALLAX_BROWSER || 'chromium';

/** The system's browser, headless and quiet: no background calls to outside hosts. */
export function launch() {
  if (ENGINE === 'firefox') {
    return firefox.launch({
      channel: 'moz-firefox-esr',
      executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
      headless: true,
    });
  }
  if (ENGINE !== 'chromium') throw new Error(`unknown PARALLAX_BROWSER ${ENGINE}`);
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens `hash` (e.g. '#/read/slug') of the app in a fresh context. Returns the page and `finish()`,
 * which asserts that the console stayed empty and that every request stayed on the origin.
 * `init`, a function, runs in every page of the context before the page's own scripts.
 */
export async function open(browser, hash = '', { viewport = { width: 1280, height: 900 }, init } = {}) {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const console_messages = [];
  const foreign_requests = [];
  page.on('console', (message) => console_messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console_messages.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== ORIGIN) {
      foreign_requests.push(request.url());
    }
  });
  await page.goto(BASE + hash);
  return {
    page,
    context,
    async finish() {
      await context.close();
      assert.deepEqual(console_messages, [], 'the console must stay empty');
      assert.deepEqual(foreign_requests, [], 'no request may leave the origin');
    },
  };
}

/** Polls `probe` until it returns a truthy value, or fails with `what` after `timeout` ms. */
export async function until(what, probe, { timeout = 10_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last result: ${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Runs axe-core on the current page and asserts zero violations, listing them readably if any. */
export async function assertAccessible(page, where) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe-core violations on ${where}`);
}
