// Runs Lighthouse (mobile preset, the default) on the app's routes and prints the four category
// scores per route. `cargo xtask lighthouse` serves the release build and calls this script:
//
//   node run.mjs <base URL ending in /> <report folder> <name>=<fragment> ...
//
// Chromium is the system's (CHROME_PATH), headless; nothing is fetched beyond the loopback server.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [base, outDir, ...routes] = process.argv.slice(2);
if (!base || !outDir || routes.length === 0) {
  console.error('usage: node run.mjs <base URL> <report folder> <name>=<fragment>...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--no-first-run', '--disable-domain-reliability',
];

const summary = [];
for (const route of routes) {
  const [name, fragment] = route.split(/=(.*)/s);
  const url = base + fragment;
  // A fresh browser per route, so no route profits from another's cache.
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
    });
    const [json, html] = result.report;
    fs.writeFileSync(path.join(outDir, `${name}.report.json`), json);
    fs.writeFileSync(path.join(outDir, `${name}.report.html`), html);
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      throw new Error(`${name}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    }
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? NaN) * 100)]));
    // What cost points: every scored audit below full marks in the three categories that gate.
    const failing = [];
    for (const id of CATEGORIES) {
      for (const ref of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push(`${id}: ${ref.id} (${audit.displayValue || `score ${audit.score}`})`);
        }
      }
    }
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time',
      'cumulative-layout-shift', 'speed-index']
      .map((id) => `${id} ${lhr.audits[id]?.displayValue ?? '?'}`);
    summary.push({ name, url, scores, failing, metrics });
  } finally {
    await chrome.kill();
  }
}

const pad = (text, width) => String(text).padEnd(width);
console.log(`\n${pad('route', 10)}${CATEGORIES.map((c) => pad(c, 16)).join('')}`);
for (const { name, scores } of summary) {
  console.log(`${pad(name, 10)}${CATEGORIES.map((c) => pad(scores[c], 16)).join('')}`);
}
for (const { name, url, failing, metrics } of summary) {
  console.log(`\n${name}: ${url}\n  ${metrics.join(', ')}`);
  for (const line of failing) console.log(`  below full marks: ${line}`);
}
console.log(`\nreports: ${outDir}/<route>.report.html and .json`);
