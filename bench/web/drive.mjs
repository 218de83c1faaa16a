// Drives the benchmark page in headless Chromium and prints p50 and p95 of each measurement.
// Run by `cargo xtask bench-web`, which builds and serves the page: node drive.mjs URL [RUNS].
//
// What is timed, inside the page with performance.now():
// - facet toggle: a click on a Topic checkbox of the real explorer (ticked, then unticked, cycling
//   through the first values) until the page has rendered the new query ("to DOM", seen by a
//   MutationObserver) and until the next paint after that (a requestAnimationFrame callback, then a
//   message posted from it, which runs once the frame is painted);
// - keystroke: one character added to (or the word cleared from) the search box as an input event,
//   the same two moments. Keystrokes are spaced beyond the search debounce, so each is the first of
//   a burst and runs at once: this times the search and render, not the deliberate typing pause.
// - alignment of two ~5 KB articles in Wasm, timed inside Wasm.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const [url, runsArg] = process.argv.slice(2);
if (!url) throw new Error('usage: node drive.mjs URL [RUNS]');
const RUNS = Number(runsArg || 40);
const WARM_UP = 5;
const SIZES = [1_000, 10_000];
const WORDS = ['security', 'defence spending', 'enlarg', '"spheres of influence"', 'kalosto'];

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const ms = (value) => value.toFixed(1).padStart(6);

/** Runs in the page: the explorer interaction timings. */
async function measureInPage({ kind, runs, warmUp, words }) {
  const marker = document.getElementById('bench-marker');
  const topicBoxes = () => {
    const group = [...document.querySelectorAll('fieldset.facet-group')]
      .find((fieldset) => fieldset.querySelector('legend').textContent === 'Topic');
    return group.querySelectorAll('input[type=checkbox]');
  };
  const search = document.querySelector('input[type=search]');
  const afterPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Starts `act`, resolves with the ms to the rendered query `wanted` and to the paint after it. */
  const time = (act, wanted) => new Promise((resolve, reject) => {
    let started;
    let rendered;
    const finish = async () => {
      observer.disconnect();
      await afterPaint();
      resolve({ dom: rendered - started, paint: performance.now() - started });
    };
    const observer = new MutationObserver(() => {
      if (rendered === undefined && wanted(marker.dataset.query)) {
        rendered = performance.now();
        finish();
      }
    });
    observer.observe(marker, { attributes: true });
    setTimeout(() => reject(new Error(`no render after 10 s (${kind})`)), 10_000);
    started = performance.now();
    act();
  });

  const results = [];
  if (kind === 'facet') {
    // An even number of clicks, so every ticked value is unticked again.
    const clicks = runs + warmUp + ((runs + warmUp) % 2);
    for (let i = 0; i < clicks; i++) {
      const box = topicBoxes()[Math.floor(i / 2) % 6];
      const before = marker.dataset.query;
      results.push(await time(() => box.click(), (query) => query !== before));
      await pause(20);
    }
  } else {
    // Each word typed a character at a time, then cleared, until there are enough keystrokes.
    const texts = [];
    while (texts.length < runs + warmUp) {
      for (const word of words) {
        for (let end = 1; end <= word.length; end++) texts.push(word.slice(0, end));
        texts.push('');
      }
    }
    for (const text of texts.slice(0, runs + warmUp)) {
      const typed = (query) => (new URLSearchParams(query.replace(/^#\/\??/, '')).get('q') ?? '') === text;
      results.push(await time(() => {
        search.value = text;
        search.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      }, typed));
      // Beyond the search debounce, so the next keystroke starts a new burst.
      await pause(200);
    }
  }
  return results.slice(warmUp, warmUp + runs);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.parallaxBench !== undefined);
  const version = browser.version();
  console.log(`Parallax in-browser benchmarks — Chromium ${version}, release Wasm, ${RUNS} runs each after ${WARM_UP} warm-up runs`);
  console.log('');
  console.log('explorer (the app\'s ExploreView over synthetic articles, seed 42), milliseconds');
  console.log('articles  action          to DOM p50    p95   to paint p50    p95   (index build)');
  const paint95 = {};
  for (const n of SIZES) {
    const build = await page.evaluate((n) => window.parallaxBench.explorer(n), n);
    await page.waitForFunction(() => document.querySelectorAll('fieldset.facet-group').length > 0);
    for (const [kind, label] of [['facet', 'facet toggle'], ['keystroke', 'keystroke']]) {
      const runs = await page.evaluate(measureInPage, { kind, runs: RUNS, warmUp: WARM_UP, words: WORDS });
      const dom = runs.map((run) => run.dom);
      const paint = runs.map((run) => run.paint);
      paint95[`${kind}-${n}`] = percentile(paint, 95);
      console.log(`${String(n).padStart(8)}  ${label.padEnd(14)}  ${ms(percentile(dom, 50))} ${ms(percentile(dom, 95))}      ${ms(percentile(paint, 50))} ${ms(percentile(paint, 95))}   (${build.toFixed(0)} ms)`);
    }
    const rows = await page.evaluate(() => document.querySelectorAll('ul[aria-label="Articles"] li').length);
    console.log(`          result rows in the DOM: ${rows}`);
  }
  for (const kind of ['facet', 'keystroke']) {
    const ratio = paint95[`${kind}-10000`] / paint95[`${kind}-1000`];
    console.log(`10k / 1k, ${kind} to paint p95: ${ratio.toFixed(2)}×`);
  }
  console.log('');
  const align = await page.evaluate((runs) => Array.from(window.parallaxBench.align_runs(runs + 5)).slice(5), RUNS);
  console.log(`alignment of two ~5 KB articles with the seed catalogue (Wasm): p50 ${percentile(align, 50).toFixed(2)} ms, p95 ${percentile(align, 95).toFixed(2)} ms`);
  if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
} finally {
  await browser.close();
}
