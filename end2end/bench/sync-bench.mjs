// Sync benchmark (issue 5): 500 queued `visit_note.create` ops replayed through
// POST /api/sync in batches of 200 (the contract's maximum), then one batch sent again
// as a retry after a "lost answer" must come back entirely as `duplicate`; the notes
// are then counted through GET /api/visit-notes. The peer, measured in the same run:
// the same number of ops replayed one request each (a client that does not batch).
// Prints one summary line and exits non-zero if anything was lost or doubled.
//
//   BASE_URL=http://127.0.0.1:8080 node end2end/bench/sync-bench.mjs [--ops 500]
//
// Needs only Node ≥ 18 (global fetch) and a running `bidwell serve` with the demo data.

const base = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const argOps = process.argv.indexOf('--ops');
const N = argOps > 0 ? Number(process.argv[argOps + 1]) : 500;
const BATCH = 200;

let cookie = '';
let csrf = '';

async function call(method, path, body) {
  const headers = { cookie };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const r = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = r.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0];
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const me = await call('POST', '/api/auth/login', {
  email: 'buyer@acme.example',
  password: 'bidwell-demo',
});
csrf = me.csrf_token;
const suppliers = await call('GET', '/api/suppliers');
const supplier = suppliers[0];
const before = (await call('GET', `/api/visit-notes?supplier_id=${supplier.id}`)).length;

const run = crypto.randomUUID().slice(0, 8);
const ops = Array.from({ length: N }, (_, i) => ({
  op_id: crypto.randomUUID(),
  kind: 'visit_note.create',
  created_at: new Date().toISOString(),
  payload: {
    note_id: crypto.randomUUID(),
    supplier_id: supplier.id,
    rfq_id: null,
    text: `bench ${run} note ${i}`,
    taken_at: new Date().toISOString(),
    photos: [],
  },
}));

const counts = { sent: 0, applied: 0, duplicates: 0, conflicts: 0, rejected: 0 };
const tally = (results) => {
  for (const r of results) {
    if (r.status === 'applied') counts.applied++;
    else if (r.status === 'duplicate') counts.duplicates++;
    else if (r.status === 'conflict') counts.conflicts++;
    else counts.rejected++;
  }
};

const t0 = performance.now();
for (let i = 0; i < ops.length; i += BATCH) {
  const batch = ops.slice(i, i + BATCH);
  const answer = await call('POST', '/api/sync', { ops: batch });
  if (answer.results.length !== batch.length) throw new Error('result count differs from op count');
  answer.results.forEach((r, k) => {
    if (r.op_id !== batch[k].op_id) throw new Error('results out of order');
  });
  counts.sent += batch.length;
  tally(answer.results);
}
const ms = performance.now() - t0;

// The retry a device makes when the first answer was lost: same op ids again.
const retry = ops.slice(0, Math.min(BATCH, ops.length));
const again = await call('POST', '/api/sync', { ops: retry });
const retryDup = again.results.filter((r) => r.status === 'duplicate').length;
const retryApplied = again.results.filter((r) => r.status === 'applied').length;

// Peer: the same work, one op per request.
const peerOps = ops.map((o, i) => ({
  ...o,
  op_id: crypto.randomUUID(),
  payload: { ...o.payload, note_id: crypto.randomUUID(), text: `peer ${run} note ${i}` },
}));
const p0 = performance.now();
let peerApplied = 0;
for (const op of peerOps) {
  const answer = await call('POST', '/api/sync', { ops: [op] });
  if (answer.results[0]?.status === 'applied') peerApplied++;
}
const peerMs = performance.now() - p0;

const notes = await call('GET', `/api/visit-notes?supplier_id=${supplier.id}`);
const mine = notes.filter((n) => n.text.startsWith(`bench ${run} `));
const distinct = new Set(mine.map((n) => n.text)).size;
const lost = N - distinct;
const doubled = mine.length - distinct;

console.log(
  `sync-bench: ${N} ops in ${ms.toFixed(0)} ms (${((N / ms) * 1000).toFixed(0)} ops/s, ` +
    `${Math.ceil(N / BATCH)} requests of ≤${BATCH}); sent=${counts.sent} applied=${counts.applied} ` +
    `duplicates=${counts.duplicates} conflicts=${counts.conflicts} rejected=${counts.rejected} ` +
    `lost=${lost} doubled=${doubled}; retry of ${retry.length}: duplicate=${retryDup} applied=${retryApplied}; ` +
    `server notes ${before} → ${notes.length}`,
);
console.log(
  `sync-bench peer: the same ${N} ops one request each took ${peerMs.toFixed(0)} ms ` +
    `(${((N / peerMs) * 1000).toFixed(0)} ops/s, applied=${peerApplied}); batched is ` +
    `${(peerMs / ms).toFixed(1)}× faster`,
);
const ok =
  counts.applied === N && counts.duplicates === 0 && lost === 0 && doubled === 0 &&
  retryDup === retry.length && retryApplied === 0 && peerApplied === N;
process.exit(ok ? 0 : 1);
