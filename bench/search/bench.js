// The benchmark page. `?engine=parallax|minisearch&mode=build|prebuilt` makes one engine searchable
// from a cold page — fetch the corpus (or the index built ahead of time) and index it — and records
// when that happened; the driver (run.mjs) then calls `window.bench.runQueries`.
import MiniSearch from './minisearch.js';
import { indexOptions, searchArguments } from './minisearch-options.js';

const params = new URLSearchParams(location.search);
const engineName = params.get('engine');
const mode = params.get('mode') ?? 'build';

async function fetched(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

async function text(path) {
  return (await fetched(path)).text();
}

async function parallax() {
  const { default: init, Engine } = await import('./pkg/parallax_search_bench.js');
  const wasm = await init({ module_or_path: './pkg/parallax_search_bench_bg.wasm' });
  // Each engine loads its own serialized form: Parallax's binary index, MiniSearch's JSON.
  const input = mode === 'build'
    ? await text('./data/corpus.json')
    : new Uint8Array(await (await fetched('./data/parallax-index.bin')).arrayBuffer());
  const started = performance.now();
  const engine = mode === 'build' ? Engine.fromDocs(input) : Engine.fromIndex(input);
  const indexMs = performance.now() - started;
  return {
    indexMs,
    search: (query) => engine.search(query).length,
    wasmBytes: () => wasm.memory.buffer.byteLength,
  };
}

async function minisearch() {
  const stopWords = JSON.parse(await text('./data/stopwords.json'));
  const options = indexOptions(stopWords);
  const json = await text(mode === 'build' ? './data/corpus.json' : './data/minisearch-index.json');
  const started = performance.now();
  let miniSearch;
  if (mode === 'build') {
    miniSearch = new MiniSearch(options);
    miniSearch.addAll(JSON.parse(json));
  } else {
    miniSearch = MiniSearch.loadJSON(json, options);
  }
  const indexMs = performance.now() - started;
  return {
    indexMs,
    search: (query) => miniSearch.search(...searchArguments(query)).length,
    wasmBytes: () => 0,
  };
}

async function start() {
  const engine = engineName === 'parallax' ? await parallax() : await minisearch();
  // Time to searchable: from the start of navigation to an index that answers queries.
  const searchableMs = performance.now();
  engine.search('warm');
  document.getElementById('status').textContent = `${engineName} searchable after ${searchableMs.toFixed(0)} ms`;
  return { engine, searchableMs };
}

const ready = start();

window.bench = {
  ready: ready.then(({ engine, searchableMs }) => ({ searchableMs, indexMs: engine.indexMs })),
  // Each query's time is the mean of `repeat` runs (performance.now() is coarse in Chromium), after
  // one warm-up pass over all queries.
  async runQueries(queries, repeat) {
    const { engine } = await ready;
    for (const query of queries) engine.search(query);
    const times = [];
    const hits = [];
    for (const query of queries) {
      let count = 0;
      const started = performance.now();
      for (let run = 0; run < repeat; run += 1) count = engine.search(query);
      times.push((performance.now() - started) / repeat);
      hits.push(count);
    }
    return { times, hits };
  },
  async wasmBytes() {
    const { engine } = await ready;
    return engine.wasmBytes();
  },
};
ready.catch((error) => {
  document.getElementById('status').textContent = `failed: ${error}`;
  console.error(error);
});
