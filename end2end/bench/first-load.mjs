// First-load benchmark (issue 12): what a first visit to the sign-in page costs on a slow
// tablet connection, in Debian's Chromium driven by Playwright.
//
// - Network: 1.6 Mbps down, 750 kbps up, 150 ms latency (CDP
//   Network.emulateNetworkConditions), a fresh browser context each run (empty cache,
//   service workers blocked so that the worker's precache does not compete).
// - Bytes over the wire: CDP `encodedDataLength` of every request made until the sign-in
//   form is interactive (headers included), per file with its Content-Encoding.
// - Cold start to interactive sign-in: from navigation start until the e-mail field is
//   enabled and the "Sign in" button is visible (the app's wasm has mounted).
// - The peer, in the same run: the same page with `Accept-Encoding: identity` (what the
//   server sent before precompression), so the ratio holds on a loaded machine.
//
//   BASE_URL=http://127.0.0.1:8080 node end2end/bench/first-load.mjs [--runs 3]
//
// Needs `end2end/node_modules` (Playwright) and a server serving a release `dist/`.

import { chromium } from '@playwright/test';

const base = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 3;
const PROFILE = { latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function once(identity) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: PROFILE.down,
    uploadThroughput: PROFILE.up,
  });
  if (identity) {
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  }
  const files = new Map();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    files.set(e.requestId, {
      url: new URL(e.response.url).pathname,
      encoding: h['content-encoding'] || 'identity',
      cache: h['cache-control'] || '',
      bytes: 0,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const f = files.get(e.requestId);
    if (f) f.bytes = e.encodedDataLength;
  });
  const started = Date.now();
  await page.goto(base + '/login', { waitUntil: 'commit' });
  await page.getByLabel('Email', { exact: true }).waitFor({ state: 'visible', timeout: 120_000 });
  await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible', timeout: 120_000 });
  const interactive = Date.now() - started;
  // Let requests already under way finish so their sizes count.
  await page.waitForLoadState('load');
  const list = [...files.values()].filter((f) => !f.url.startsWith('/api/'));
  const api = [...files.values()].filter((f) => f.url.startsWith('/api/'));
  await context.close();
  return { interactive, list, api };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const sum = (l) => l.reduce((a, f) => a + f.bytes, 0);

const results = { compressed: [], identity: [] };
// Interleaved, so both see the same machine load.
for (let i = 0; i < RUNS; i++) {
  results.compressed.push(await once(false));
  results.identity.push(await once(true));
}
await browser.close();

console.log(
  `first-load: sign-in page, ${RUNS} cold runs each, ${PROFILE.down * 8 / 1e6} Mbps / ${PROFILE.latency} ms (CDP throttling), service workers blocked`,
);
const last = results.compressed[results.compressed.length - 1];
console.log('  files (compressed run):');
for (const f of [...last.list].sort((a, b) => b.bytes - a.bytes)) {
  console.log(`    ${f.url.padEnd(44)} ${kb(f.bytes).padStart(10)}  ${f.encoding.padEnd(8)} ${f.cache}`);
}
const row = (name, runs) => {
  const bytes = median(runs.map((r) => sum(r.list)));
  const apiBytes = median(runs.map((r) => sum(r.api)));
  const t = median(runs.map((r) => r.interactive));
  console.log(
    `  ${name.padEnd(34)} app files ${kb(bytes).padStart(10)} (+ API ${kb(apiBytes)})  interactive sign-in ${t} ms (median; runs ${runs.map((r) => r.interactive).join(', ')} ms)`,
  );
  return { bytes, t };
};
const c = row('precompressed (br/gzip)', results.compressed);
const u = row('peer: Accept-Encoding identity', results.identity);
console.log(
  `  ratio: bytes ${(c.bytes / u.bytes).toFixed(2)}× of identity, interactive ${(c.t / u.t).toFixed(2)}× of identity; goal ≤ 500 KB: ${c.bytes <= 500 * 1024 ? 'met' : `not met (${kb(c.bytes - 500 * 1024)} over)`}`,
);
