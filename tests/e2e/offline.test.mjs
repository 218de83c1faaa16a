// The offline copy, as a class on a school network meets it: after a first visit the app still loads
// and opens articles with the server gone, and a new deploy is offered with a "Reload" prompt.
//
// These tests start their own server (`cargo xtask serve --no-build`, the same server and headers as the
// rest of the suite) so that they can really stop it, or swap the build it serves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, until, assertAccessible } from './harness.mjs';
import { buildFiles, workerActivated, cachedUrls } from './offline-helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build the suite runs against (`PARALLAX_DIST`, relative to the workspace, or `dist/`). */
const DIST = path.resolve(ROOT, process.env.PARALLAX_DIST || 'dist');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Serves `dist` with `cargo xtask serve --no-build` on `port` (0: any free one); resolves once it listens. */
async function startServer(dist, port = 0) {
  const child = spawn('cargo', ['xtask', 'serve', '--no-build', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_DIST: dist },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  const url = await new Promise((resolve, reject) => {
    // Generous: cargo may first wait for another build to release the target directory.
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 600_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/served at (http:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
      await until('the server to refuse connections', () => fetch(url).then(() => false, () => true));
    },
  };
}

/** A fresh browser context on `url` with the suite's checks: an empty console, no request off the origin. */
async function visit(url) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const console_messages = [];
  const foreign_requests = [];
  page.on('console', (message) => console_messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console_messages.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const target = new URL(request.url());
    if (!['data:', 'blob:'].includes(target.protocol) && target.origin !== origin) {
      foreign_requests.push(request.url());
    }
  });
  await page.goto(url);
  return {
    page,
    async finish() {
      await context.close();
      assert.deepEqual(console_messages, [], 'the console must stay empty');
      assert.deepEqual(foreign_requests, [], 'no request may leave the origin');
    },
  };
}

async function articleLinks(page) {
  const list = page.getByRole('list', { name: 'Articles' });
  await until('the article list', async () => (await list.getByRole('link').count()) > 0, { timeout: 30_000 });
  return list.getByRole('link');
}

test('after a first visit, a reload with the server stopped still shows the app and opens an article', async () => {
  const server = await startServer(DIST);
  const { page, finish } = await visit(server.url);
  try {
    await articleLinks(page);
    await workerActivated(page);
    const expected = buildFiles(DIST).map((file) => new URL(file, server.url).href).sort();
    assert.ok(expected.some((url) => url.endsWith('.wasm')), 'the build has its wasm');
    await until('every file of the build in the offline copy', async () =>
      JSON.stringify(await cachedUrls(page)) === JSON.stringify(expected));
  } finally {
    await server.stop();
  }
  await page.reload();
  const links = await articleLinks(page);
  const title = (await links.first().innerText()).trim();
  await links.first().click();
  const heading = page.getByRole('heading', { level: 1 });
  await until('the article to open offline', async () => (await heading.count()) === 1 && (await heading.innerText()) === title);
  assert.ok(page.url().includes('#/read/'), 'the reader route');
  await finish();
});

test('a new deploy between visits shows a polite "Reload" prompt that switches to the new version', async () => {
  // The second deploy: the same build with a different worker version, as a changed file would give.
  const next = mkdtempSync(path.join(tmpdir(), 'parallax-next-'));
  cpSync(DIST, next, { recursive: true });
  const worker = path.join(next, 'service-worker.js');
  const source = readFileSync(worker, 'utf8');
  const old_version = source.match(/const VERSION = '([^']+)'/)[1];
  const new_version = `${old_version}-next`;
  writeFileSync(worker, source.replace(`const VERSION = '${old_version}'`, `const VERSION = '${new_version}'`));
  rmSync(`${worker}.br`, { force: true });

  let server = await startServer(DIST);
  const { page, finish } = await visit(server.url);
  try {
    await articleLinks(page);
    await workerActivated(page);
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Parallax is available' });
    assert.equal(await prompt.count(), 0, 'no prompt while the version is current');

    await server.stop();
    server = await startServer(next, server.port);
    await page.reload();
    await articleLinks(page);
    await until('the update prompt', async () => (await prompt.count()) === 1 && prompt.isVisible(), { timeout: 30_000 });
    const reload = prompt.getByRole('button', { name: 'Reload' });
    await assertAccessible(page, 'the page with the update prompt');

    // Reachable from the keyboard: Tab until the prompt's button has focus, then Enter.
    await until('Tab to reach the Reload button', async () => {
      await page.keyboard.press('Tab');
      return reload.evaluate((button) => button === document.activeElement);
    }, { timeout: 60_000, interval: 0 });
    await page.keyboard.press('Enter');

    await until('the new version to take over', async () => {
      const names = await page.evaluate(() => caches.keys());
      return names.some((name) => name.endsWith(` ${new_version}`)) && !names.some((name) => name.endsWith(` ${old_version}`));
    }, { timeout: 30_000 });
    await articleLinks(page);
    assert.equal(await prompt.count(), 0, 'the prompt is gone after the reload');
    const active = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.state);
    assert.equal(active, 'activated');
    await finish();
  } finally {
    await server.stop();
    rmSync(next, { recursive: true, force: true });
  }
});
