// Runs the wasm32-wasip1 build of benches/extract_wasm.rs under Node's WASI.
// usage: node domain/benches/run_wasm.mjs path/to/extract_wasm-HASH.wasm
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv } from 'node:process';

const wasi = new WASI({ version: 'preview1', args: ['extract_wasm'], env: {} });
const module = await WebAssembly.compile(await readFile(argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
wasi.start(instance);
