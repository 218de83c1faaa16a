// The scale benchmark page. `?n=10000` fetches packs/10000/index.bin, reads it into the split pack's
// explorer (crates/parallax-search-bench, Wasm) and lists the first 50 results; then it is usable.
// The driver (drive.mjs) reads the timings and calls the functions on `window.scale`.
import init, { ScalePack } from './pkg/parallax_search_bench.js';

const n = new URLSearchParams(location.search).get('n');
const base = `./packs/${n}/`;
const times = {};
const wasm = await init({ module_or_path: './pkg/parallax_search_bench_bg.wasm' });
times.wasmReady = performance.now();
const response = await fetch(`${base}index.bin`);
if (!response.ok) throw new Error(`index.bin: HTTP ${response.status}`);
const bytes = new Uint8Array(await response.arrayBuffer());
times.indexFetched = performance.now();
const pack = ScalePack.load(bytes);
times.indexRead = performance.now();

const list = document.getElementById('results');
const status = document.getElementById('status');

/** Runs a query (the app's URL form) and shows the first 50 rows; returns the number of matches. */
function show(query) {
  const [total, ...rows] = pack.run(query, 50);
  list.replaceChildren(...rows.map((idx) => {
    const item = document.createElement('li');
    item.textContent = pack.row(idx);
    return item;
  }));
  status.textContent = `Showing ${rows.length} of ${total} matching articles (${pack.nArticles()} in all)`;
  return total;
}

show('');
times.firstResults = performance.now();

window.scale = {
  times,
  nArticles: pack.nArticles(),
  wasmBytes: () => wasm.memory.buffer.byteLength,
  facetValues: (param, limit) => pack.facetValues(param, limit),
  /** The explorer's time for `query`, `runs` times (ms each), and its number of matches. */
  time(query, runs) {
    const spent = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      total = pack.run(query, 50)[0];
      spent.push(performance.now() - started);
    }
    show(query);
    return { spent, total };
  },
  /** Opens one article: fetches its shard and reads it. */
  async open(idx) {
    const name = pack.shardFor(idx);
    const started = performance.now();
    const shard = await fetch(base + name);
    if (!shard.ok) throw new Error(`${name}: HTTP ${shard.status}`);
    const textBytes = pack.open(idx, new Uint8Array(await shard.arrayBuffer()));
    return { name, ms: performance.now() - started, textBytes };
  },
};
