// Trunk post-build hook (Trunk.toml): writes FILE.br (brotli, quality 11) and FILE.gz
// (gzip, level 9) beside every compressible file of a release build, so `bidwell serve`
// sends them with `Content-Encoding` to a browser that accepts them (tower-http's
// ServeDir with precompressed_br/precompressed_gzip; issue 12).
//
// - Only release builds (TRUNK_PROFILE=release): a debug wasm is tens of MB and is
//   served as built.
// - HTML is left alone: the server hashes the page's inline scripts for its CSP from the
//   body it sends (server/src/guard.rs).
// - A variant is written only when it is smaller than the file.
// - Files are compressed concurrently on libuv's thread pool (native zlib/brotli).
//
// Usage outside Trunk: `node app/precompress.mjs DIR` (always compresses).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = new Set(['.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map']);

const argDir = process.argv[2];
const dir = argDir || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: no directory (TRUNK_STAGING_DIR unset and no argument)');
  process.exit(2);
}
if (!argDir && process.env.TRUNK_PROFILE !== 'release') {
  console.log(`precompress: skipped (TRUNK_PROFILE=${process.env.TRUNK_PROFILE ?? 'unset'}, not release)`);
  process.exit(0);
}

async function* files(d) {
  for (const e of await fs.readdir(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && COMPRESSIBLE.has(path.extname(e.name).toLowerCase())) yield p;
  }
}

async function one(file) {
  const raw = await fs.readFile(file);
  const isText = !file.endsWith('.wasm');
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: isText
          ? zlib.constants.BROTLI_MODE_TEXT
          : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip(raw, { level: 9 }),
  ]);
  const out = { file: path.relative(dir, file), raw: raw.length, br: null, gz: null };
  if (br.length < raw.length) {
    await fs.writeFile(file + '.br', br);
    out.br = br.length;
  }
  if (gz.length < raw.length) {
    await fs.writeFile(file + '.gz', gz);
    out.gz = gz.length;
  }
  return out;
}

const started = Date.now();
const jobs = [];
for await (const f of files(dir)) jobs.push(one(f));
const done = await Promise.all(jobs);
done.sort((a, b) => b.raw - a.raw);
const kb = (n) => (n == null ? '-' : (n / 1024).toFixed(1) + ' KB');
for (const r of done) {
  console.log(`precompress: ${r.file}: ${kb(r.raw)} → br ${kb(r.br)}, gzip ${kb(r.gz)}`);
}
console.log(`precompress: ${done.length} files in ${Date.now() - started} ms`);
