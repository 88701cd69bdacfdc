// The extraction worker's entry (app/src/upload.rs starts `new Worker('/extract-worker_loader.js')`):
// loads the wasm-bindgen glue Trunk builds for extract-worker/ (`data-type="worker"`, no-modules
// target) and instantiates its wasm. Written by hand instead of Trunk's `data-loader-shim`, whose
// positional `wasm_bindgen(path)` call makes wasm-bindgen log a deprecation warning on every start.
importScripts('./extract-worker.js');
wasm_bindgen({ module_or_path: './extract-worker_bg.wasm' });
