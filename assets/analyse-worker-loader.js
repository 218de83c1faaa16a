// Starts the analysis worker (src/bin/analyse_worker.rs). The release build gives these files
// content-hashed names and rewrites the two names below and the page's <meta name="parallax-analyser">.
importScripts("./analyse-worker.js");
wasm_bindgen({ module_or_path: "./analyse-worker_bg.wasm" }).catch(function () {
  // Reply::LoadFailed, as the app reads it (src/analyser/protocol.rs).
  postMessage('"LoadFailed"');
});
