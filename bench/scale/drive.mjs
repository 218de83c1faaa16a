// Drives the scale benchmark page in headless Chromium and prints one table row per collection size.
// Run by `cargo xtask scale`, which writes the split packs, builds and serves the page:
// node drive.mjs URL SITE_DIR SIZE...
//
// Per size, in a fresh browser context (empty cache):
// - transfer: the brotli bytes of every response before the explorer is usable (the size of each
//   fetched file's .br twin in SITE_DIR, which the server sends when the browser accepts brotli;
//   Chromium does not ask for it over plain HTTP), the pack's data (index.bin) apart from the page's
//   own files (HTML, JS, Wasm);
// - time to first results: from navigation to the first 50 rows in the DOM, and the parts of it spent
//   fetching index.bin and reading it (decoding, facet sets, the title search index);
// - query latency: the explorer's run (search, facets with counts, sort) for each query below,
//   p50 and p95 over all runs;
// - memory after a forced garbage collection: JS heap (CDP Runtime.getHeapUsage) plus Wasm memory;
// - opening one article: the shard's compressed bytes and the time to fetch and read it.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const [url, site, ...sizeArgs] = process.argv.slice(2);
if (!url || !site || sizeArgs.length === 0) throw new Error('usage: node drive.mjs URL SITE_DIR SIZE...');
const RUNS = 20;
const WARM_UP = 3;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const enc = encodeURIComponent;

/** The brotli size of the served file behind `href` (its .br twin), else its size. */
function brotliSize(href) {
  const relative = decodeURIComponent(new URL(href).pathname).replace(/^\/[^/]+\//, '');
  const file = path.join(site, relative);
  for (const candidate of [`${file}.br`, file]) {
    if (fs.existsSync(candidate)) return fs.statSync(candidate).size;
  }
  throw new Error(`fetched ${href}, which is not in ${site}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const results = [];
try {
  for (const n of sizeArgs.map(Number)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => errors.push(`console: ${message.text()}`));
    await page.goto(`${url}?n=${n}`);
    await page.waitForFunction(() => window.scale !== undefined, null, { timeout: 120_000 });
    const load = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource').map((entry) => entry.name);
      return { entries: [location.href.replace(/\?.*$/, 'index.html'), ...entries], times: window.scale.times };
    });
    const sum = (names) => names.reduce((total, name) => total + brotliSize(name), 0);
    const dataBytes = sum(load.entries.filter((name) => name.includes('/packs/')));
    const appBytes = sum(load.entries.filter((name) => !name.includes('/packs/')));

    const facet = async (param) => (await page.evaluate(([p]) => window.scale.facetValues(p, 2), [param]));
    const [topic] = await facet('topic');
    const [voice] = await facet('voice');
    const [cue] = await facet('cue');
    const queries = [
      'q=security', 'q=sec', 'q=russia+alliance', 'q=%22defence+spending%22', 'q=kalo',
      `topic=${enc(topic)}`, `topic=${enc(topic)}&voice=${enc(voice)}&sort=title`,
      `q=nato&cue=${enc(cue)}`, 'sort=title',
    ];
    const spent = [];
    const perQuery = [];
    for (const query of queries) {
      const run = await page.evaluate(([q, runs]) => window.scale.time(q, runs), [query, RUNS + WARM_UP]);
      const kept = run.spent.slice(WARM_UP);
      spent.push(...kept);
      perQuery.push({ query, p50: percentile(kept, 50), total: run.total });
    }
    const opened = await page.evaluate((idx) => window.scale.open(idx), Math.floor(n / 2));
    const shardBytes = brotliSize(`${url}packs/${n}/${opened.name}`);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await page.evaluate(() => window.scale.wasmBytes());
    const rows = await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').count();
    if (errors.length > 0) throw new Error(`the page failed at ${n}: ${errors.join('; ')}`);
    const t = load.times;
    results.push({
      n, dataBytes, appBytes, rows,
      firstResultsMs: t.firstResults, indexFetchMs: t.indexFetched - t.wasmReady,
      indexReadMs: t.indexRead - t.indexFetched, firstRunMs: t.firstResults - t.indexRead,
      queryP50: percentile(spent, 50), queryP95: percentile(spent, 95), perQuery,
      jsHeapBytes: usedSize, wasmBytes, shardBytes, openMs: opened.ms, articleTextBytes: opened.textBytes,
    });
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`Parallax at scale: split packs of synthetic articles (seed 42) in headless Chromium, release Wasm; queries ${RUNS} runs each after ${WARM_UP} warm-up runs`);
console.log('');
const header = ['articles', 'data KB br', 'app KB br', 'first results ms', '(fetch / read / run)', 'query p50 ms', 'p95 ms', 'JS heap MB', 'Wasm MB', 'open: shard KB br (q5)', 'open ms'];
console.log(header.join(' | '));
for (const r of results) {
  console.log([
    r.n, kb(r.dataBytes), kb(r.appBytes), r.firstResultsMs.toFixed(0),
    `(${r.indexFetchMs.toFixed(0)} / ${r.indexReadMs.toFixed(0)} / ${r.firstRunMs.toFixed(0)})`,
    r.queryP50.toFixed(2), r.queryP95.toFixed(2), mb(r.jsHeapBytes), mb(r.wasmBytes), kb(r.shardBytes), r.openMs.toFixed(0),
  ].join(' | '));
}
console.log('');
for (const r of results) {
  console.log(`${r.n} articles, per query (p50 ms, matches): ${r.perQuery.map((q) => `${q.query} ${q.p50.toFixed(2)} (${q.total})`).join('; ')}`);
  console.log(`${r.n} articles: ${r.rows} rows listed; the opened article's text is ${r.articleTextBytes} bytes`);
}
for (const r of results.filter((r) => r.n === 10_000)) {
  const budget = 300 * 1024;
  const verdict = r.dataBytes <= budget ? 'within' : `over by ${kb(r.dataBytes - budget)} KB`;
  console.log(`10k initial data transfer ${kb(r.dataBytes)} KB brotli: ${verdict} the 300 KB budget`);
}
