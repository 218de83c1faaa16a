// Drives the search benchmark in headless Chromium: Parallax's search core (Wasm) against MiniSearch 7
// on the same 10,000 synthetic articles and the same 200 queries. `cargo xtask search-bench` writes
// the data, builds the Wasm, assembles the site, serves it and runs:
//
//   node run.mjs <site folder> <base URL ending in />
//
// For each engine and each way of becoming searchable (building the index from the corpus, or loading
// an index built ahead of time) it opens LOADS cold pages (a fresh browser context each: empty cache)
// and takes the median time to searchable. In the first page of each it times every query (mean of
// REPEAT runs after a warm-up pass) and reads the memory held after a forced garbage collection:
// the JS heap (CDP Runtime.getHeapUsage) plus the Wasm linear memory.
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { chromium } from 'playwright-core';
import { indexOptions } from './minisearch-options.js';

const LOADS = Number(process.env.SEARCH_BENCH_LOADS ?? 3);
const REPEAT = Number(process.env.SEARCH_BENCH_REPEAT ?? 5);
const [site, base] = process.argv.slice(2);
if (!site || !base) {
  console.error('usage: node run.mjs <site folder> <base URL>');
  process.exit(2);
}
const data = (name) => path.join(site, 'data', name);
const queries = JSON.parse(fs.readFileSync(data('queries.json'), 'utf8'));

// MiniSearch's prebuilt index, made the way its documentation suggests (JSON.stringify of the index).
if (!fs.existsSync(data('minisearch-index.json'))) {
  const stopWords = JSON.parse(fs.readFileSync(data('stopwords.json'), 'utf8'));
  const miniSearch = new MiniSearch(indexOptions(stopWords));
  miniSearch.addAll(JSON.parse(fs.readFileSync(data('corpus.json'), 'utf8')));
  fs.writeFileSync(data('minisearch-index.json'), JSON.stringify(miniSearch));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const ENGINES = ['parallax', 'minisearch'];
const MODES = ['build', 'prebuilt'];
const results = {};
try {
  for (let load = 0; load < LOADS; load += 1) {
    for (const mode of MODES) {
      for (const engine of ENGINES) {
        const key = `${engine}/${mode}`;
        results[key] ??= { searchableMs: [], indexMs: [] };
        const context = await browser.newContext();
        const page = await context.newPage();
        const problems = [];
        page.on('console', (message) => problems.push(`console ${message.type()}: ${message.text()}`));
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('request', (request) => {
          if (!request.url().startsWith(base)) problems.push(`request left the origin: ${request.url()}`);
        });
        await page.goto(`${base}index.html?engine=${engine}&mode=${mode}`);
        let ready;
        try {
          await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 60_000 });
          ready = await page.evaluate(() => window.bench.ready);
        } catch (error) {
          throw new Error(`${key}: ${error.message}\n  ${problems.join('\n  ')}`);
        }
        results[key].searchableMs.push(ready.searchableMs);
        results[key].indexMs.push(ready.indexMs);
        if (load === 0) {
          const { times, hits } = await page.evaluate(
            ([qs, repeat]) => window.bench.runQueries(qs, repeat), [queries, REPEAT]);
          const cdp = await context.newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          Object.assign(results[key], {
            times, hits, jsHeapBytes: usedSize,
            wasmBytes: await page.evaluate(() => window.bench.wasmBytes()),
          });
        }
        await context.close();
        if (problems.length > 0) throw new Error(`${key}:\n  ${problems.join('\n  ')}`);
        console.error(`search-bench: ${key} load ${load + 1}/${LOADS}: searchable after ${ready.searchableMs.toFixed(0)} ms`);
      }
    }
  }
} finally {
  await browser.close();
}

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const ms = (value) => (value < 1 ? value.toFixed(3) : value.toFixed(1));

const summary = {};
for (const [key, r] of Object.entries(results)) {
  summary[key] = {
    queryP50Ms: quantile(r.times, 0.5),
    queryP95Ms: quantile(r.times, 0.95),
    searchableMs: median(r.searchableMs),
    indexMs: median(r.indexMs),
    jsHeapBytes: r.jsHeapBytes,
    wasmBytes: r.wasmBytes,
    meanHits: r.hits.reduce((a, b) => a + b, 0) / r.hits.length,
  };
}
fs.writeFileSync(path.join(site, '..', 'results.json'), JSON.stringify({ queries: queries.length, loads: LOADS, repeat: REPEAT, summary, results }, null, 1));

console.log(`\n${queries.length} queries, 10,000 articles; time to searchable is the median of ${LOADS} cold pages`);
console.log(`${'engine/mode'.padEnd(22)}${'query p50 ms'.padStart(14)}${'query p95 ms'.padStart(14)}${'searchable ms'.padStart(15)}${'(index ms)'.padStart(12)}${'JS heap MB'.padStart(12)}${'Wasm MB'.padStart(10)}${'mean hits'.padStart(11)}`);
for (const [key, s] of Object.entries(summary)) {
  console.log(`${key.padEnd(22)}${ms(s.queryP50Ms).padStart(14)}${ms(s.queryP95Ms).padStart(14)}${s.searchableMs.toFixed(0).padStart(15)}${s.indexMs.toFixed(0).padStart(12)}${mb(s.jsHeapBytes).padStart(12)}${mb(s.wasmBytes).padStart(10)}${s.meanHits.toFixed(1).padStart(11)}`);
}
const differing = results['parallax/build'].hits.filter((h, i) => h !== results['minisearch/build'].hits[i]).length;
console.log(`\nqueries whose hit counts differ between the engines: ${differing} of ${queries.length} (Parallax stems, MiniSearch does not; phrases are words in MiniSearch)`);
console.log('\nratios, MiniSearch ÷ Parallax (above 1: Parallax is faster or smaller)');
for (const mode of MODES) {
  const p = summary[`parallax/${mode}`];
  const m = summary[`minisearch/${mode}`];
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(`  ${mode.padEnd(9)} query p50 ${ratio(m.queryP50Ms, p.queryP50Ms)}×, p95 ${ratio(m.queryP95Ms, p.queryP95Ms)}×, time to searchable ${ratio(m.searchableMs, p.searchableMs)}×, memory (JS heap + Wasm) ${ratio(m.jsHeapBytes + m.wasmBytes, p.jsHeapBytes + p.wasmBytes)}×`);
}
console.log(`\nraw numbers: ${path.join(site, '..', 'results.json')}`);
