// Loads the benchmark page's Wasm (built by `cargo xtask bench-web`) and hands its exports to the
// driver, `drive.mjs`, as `window.parallaxBench`.
import init, * as bench from './bench_web.js';

await init();
window.parallaxBench = bench;
