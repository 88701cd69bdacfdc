// Load benchmark (issue 10): a write mix from many concurrent clients against one running
// server, for a fixed time per concurrency level. `cargo xtask bench load` runs it against
// SQLite and PostgreSQL in one go and compares them; `cargo xtask bench crash` runs the
// write-heavy mix with --record, kills the server with SIGKILL mid-run, restarts it and
// runs this script again with --check.
//
// Setup (not measured): the buyer creates --suppliers suppliers, invites one contact each
// (who accepts and is signed in), and opens --rfqs RFQs with every bench supplier invited.
// Then, per level in --clients, that many clients loop for --seconds, each picking from
// the mix (--mix):
//   default (a realistic day; every request is a write):
//     40 %  a supplier submits or re-submits its quote on one of the RFQs (PUT …/quote)
//     10 %  a supplier replays an offline submit through POST /api/sync (may conflict)
//     10 %  a supplier asks a clarification question
//      5 %  the buyer answers an open question (a notice to every invited contact)
//     15 %  the buyer creates a part
//     20 %  the buyer edits a part
//   write (write-heavy: only audited writes, no notices):
//     40 %  a supplier submits or re-submits its quote (PUT …/quote)
//     20 %  a supplier replays an offline submit through POST /api/sync
//     15 %  the buyer records a visit note through POST /api/sync (visit_note.create)
//     15 %  the buyer renames a supplier (PATCH /api/suppliers/{id})
//     10 %  the buyer adds a contact to a supplier (POST /api/suppliers/{id}/contacts)
// Prints one line per level and a `RESULT key=value …` line that xtask reads ("ok" counts
// acknowledged writes: 2xx, and sync ops answered applied); exits non-zero only if setup
// fails.
//
// --record FILE writes every acknowledged write (what it was, the id or version the server
// gave) to FILE when the run ends. --check FILE signs in again (after a restart) and looks
// up each recorded write: a quote version with its receipt, a sync op replayed (must answer
// `duplicate`), a visit note, a contact, a supplier name (the current name must be one this
// run sent, and not the first one if a rename was acknowledged); prints a `CHECK …` line
// and the first lost writes.
//
//   BASE_URL=http://127.0.0.1:8080 node end2end/bench/load-bench.mjs \
//     [--clients 50,200] [--seconds 20] [--suppliers 40] [--rfqs 4] [--label sqlite] \
//     [--mix default|write] [--record FILE] [--check FILE] [--flood 50 [--flood-target EMAIL]]
//
// --flood N (issue 10, M3'): while the mix runs, N more addresses (127.0.1.1 … 127.0.1.N;
// Linux answers all of 127/8), each with --flood-each clients (default 4), send sign-ins
// with wrong passwords for --flood-target (default the buyer, buyer@acme.example) as fast
// as they are answered (or, with --flood-rate R, at most R a second in all), and the right user signs in with the right password every 250 ms
// from 127.0.0.1 (a network it signed in from, keeping the cookies it is given: with a
// server that issues device cookies, its own browser). Prints the right user's sign-ins
// (ok/all, p50/p99, answers by status) and the flood's answers by status beside the
// writers' figures; the RESULT line gets login_* and flood_* keys.
//
// Needs only Node ≥ 20 (global fetch) and a running `bidwell serve` with the demo data.

import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';

const base = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const LEVELS = arg('clients', '50,200').split(',').map(Number);
const SECONDS = Number(arg('seconds', '20'));
const SUPPLIERS = Number(arg('suppliers', '40'));
const RFQS = Number(arg('rfqs', '4'));
const LABEL = arg('label', 'server');
const MIX = arg('mix', 'default');
const RECORD = arg('record', null);
const CHECK = arg('check', null);
const FLOOD = Number(arg('flood', '0'));
const FLOOD_TARGET = arg('flood-target', 'buyer@acme.example');
const FLOOD_EACH = Number(arg('flood-each', '4'));
// 0: as fast as answered; else the whole flood sends at most this many sign-ins a second
// (the same attack against two builds, whichever answers faster).
const FLOOD_RATE = Number(arg('flood-rate', '0'));
const PASSWORD = 'a long bench passphrase';
const run = crypto.randomUUID().slice(0, 6);
if (!['default', 'write'].includes(MIX)) throw new Error(`--mix must be default or write, got ${MIX}`);

class Session {
  constructor() {
    this.cookie = '';
    this.csrf = '';
  }
  async call(method, path, body) {
    const headers = { cookie: [this.cookie, this.device].filter(Boolean).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const r = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of r.headers.getSetCookie?.() ?? []) {
      const kv = c.split(';')[0];
      if (kv.startsWith('bidwell_session=')) this.cookie = kv;
      else if (kv.startsWith('bidwell_device=')) this.device = kv;
    }
    const text = await r.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (json && json.csrf_token) this.csrf = json.csrf_token;
    return { status: r.status, json };
  }
  // Setup calls must work.
  async must(method, path, body) {
    const r = await this.call(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  }
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const price = () => (0.4 + Math.random() * 0.6).toFixed(4);

// ---- --check: after a restart, look up every write the recorded run was told was done --
const buyerLogin = { email: 'buyer@acme.example', password: 'bidwell-demo' };
if (CHECK) {
  const rec = JSON.parse(readFileSync(CHECK, 'utf8'));
  const buyer = new Session();
  await buyer.must('POST', '/api/auth/login', buyerLogin);
  const as = new Map();
  for (const s of rec.suppliers) {
    const me = new Session();
    await me.must('POST', '/api/auth/login', { email: s.email, password: PASSWORD });
    as.set(s.id, me);
  }
  const lost = [];
  const byKind = {};
  const count = (a) => (byKind[a.k] = (byKind[a.k] ?? 0) + 1);
  const mine = new Map(); // `${supplier}/${rfq}` → Map(version → receipt hash)
  const supplier = new Map(); // id → api::Supplier
  const notes = new Map(); // supplier id → Set(note id)
  for (const a of rec.acks) {
    count(a);
    if (a.k === 'quote') {
      const key = `${a.supplier}/${a.rfq}`;
      if (!mine.has(key)) {
        const q = await as.get(a.supplier).must('GET', `/api/rfqs/${a.rfq}/quote`);
        mine.set(key, new Map(q.versions.map((v) => [v.receipt.version, v.receipt.hash])));
      }
      if (mine.get(key).get(a.version) !== a.hash) lost.push(a);
    } else if (a.k === 'sync') {
      const r = await as.get(a.supplier).must('POST', '/api/sync', { ops: [a.op] });
      if (r.results?.[0]?.status !== 'duplicate') lost.push({ ...a, op: a.op.op_id, replay: r.results?.[0]?.status });
    } else if (a.k === 'note') {
      if (!notes.has(a.supplier)) {
        const list = await buyer.must('GET', `/api/visit-notes?supplier_id=${a.supplier}`);
        notes.set(a.supplier, new Set(list.map((n) => n.id)));
      }
      if (!notes.get(a.supplier).has(a.note)) lost.push(a);
    } else if (a.k === 'contact' || a.k === 'rename') {
      if (!supplier.has(a.supplier)) supplier.set(a.supplier, await buyer.must('GET', `/api/suppliers/${a.supplier}`));
      const s = supplier.get(a.supplier);
      if (a.k === 'contact' && !s.contacts.some((c) => c.email === a.email)) lost.push(a);
      // Renames race each other: the current name is one of those sent, not the first.
      if (a.k === 'rename' && !(rec.sentNames[a.supplier] ?? []).includes(s.name)) lost.push({ ...a, now: s.name });
    }
  }
  const verify = await buyer.must('GET', '/api/audit/verify');
  console.log(`  check ${LABEL}: ${rec.acks.length} acknowledged writes (${JSON.stringify(byKind)}), ${lost.length} lost; audit verify: ${verify.ok ? 'intact' : 'BROKEN'} (${verify.events} events${verify.error ? `; ${verify.error}` : ''})`);
  for (const a of lost.slice(0, 10)) console.log(`    lost: ${JSON.stringify(a).slice(0, 300)}`);
  console.log(`CHECK engine=${LABEL} acked=${rec.acks.length} lost=${lost.length} audit_ok=${verify.ok} audit_events=${verify.events}`);
  process.exit(0);
}

// ---- setup -------------------------------------------------------------------------
const t0 = performance.now();
const buyer = new Session();
await buyer.must('POST', '/api/auth/login', buyerLogin);
// The demo data's parts (not those an earlier run on this server created: drafts).
const demoParts = (await buyer.must('GET', '/api/parts')).filter((p) => !p.number.startsWith('LD-'));
const parts = demoParts.map((p) => p.id);

const suppliers = [];
for (let i = 0; i < SUPPLIERS; i += 4) {
  const batch = [];
  for (let k = i; k < Math.min(i + 4, SUPPLIERS); k++) {
    batch.push(
      (async () => {
        const s = await buyer.must('POST', '/api/suppliers', {
          name: `Load ${run} supplier ${k}`,
          country: 'DE',
          currency: 'USD',
        });
        const inv = await buyer.must('POST', '/api/invitations', {
          supplier_id: s.id,
          email: `rep${k}@load-${run}.example`,
          name: `Rep ${k}`,
        });
        const session = new Session();
        await session.must('POST', `/api/invitations/${inv.token}/accept`, {
          name: `Rep ${k}`,
          password: PASSWORD,
        });
        return { id: s.id, email: `rep${k}@load-${run}.example`, name: s.name, session };
      })(),
    );
  }
  suppliers.push(...(await Promise.all(batch)));
}

const deadline = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
const rfqs = [];
for (let i = 0; i < RFQS; i++) {
  const created = await buyer.must('POST', '/api/rfqs', {
    title: `Load ${run} RFQ ${i}`,
    currency: 'USD',
    incoterm: 'FCA Chicago',
    payment_terms: 'Net 60',
    deadline,
    sealed: true,
    lines: demoParts.map((p) => ({ part_id: p.id, quantities: ['500', '2000'] })),
    supplier_ids: suppliers.map((s) => s.id),
  });
  await buyer.must('POST', `/api/rfqs/${created.id}/open`, null);
  rfqs.push({ id: created.id, lines: created.lines.map((l) => l.id) });
}
console.log(
  `  setup: ${suppliers.length} suppliers with a signed-in contact, ${rfqs.length} open RFQs ` +
    `of ${demoParts.length} lines, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// ---- the write mix -----------------------------------------------------------------
const quote = (rfq) => ({
  header: {
    currency: 'USD',
    valid_until: null,
    incoterm: 'FCA',
    incoterm_place: 'Chicago',
    payment_terms: {
      text: 'Net 60',
      net_days: 60,
      discount_pct: null,
      discount_days: null,
      basis: 'invoice_date',
      deposit_pct: null,
      method: null,
    },
    freight: { kind: 'included' },
  },
  lines: rfq.lines.map((id) => ({
    rfq_line_id: id,
    breaks: [
      { min_qty: '500', price: price() },
      { min_qty: '2000', price: price() },
    ],
    price_basis_qty: '1',
    lead_time_days: 30,
  })),
});

const known = new Map(); // `${supplier}/${rfq}` → newest version this bench saw
const questions = []; // [rfq id, clarification id] not yet answered
let partNo = 0;

const defaultOps = [
  [40, 'submit', async (me) => {
    const rfq = pick(rfqs);
    const r = await me.session.call('PUT', `/api/rfqs/${rfq.id}/quote`, quote(rfq));
    if (r.status === 201) known.set(`${me.id}/${rfq.id}`, r.json.version);
    return r;
  }],
  [10, 'sync', async (me) => {
    const rfq = pick(rfqs);
    const op = {
      op_id: crypto.randomUUID(),
      kind: 'quote.submit',
      created_at: new Date().toISOString(),
      payload: { rfq_id: rfq.id, base_version: known.get(`${me.id}/${rfq.id}`) ?? null, quote: quote(rfq) },
    };
    const r = await me.session.call('POST', '/api/sync', { ops: [op] });
    const res = r.json?.results?.[0];
    if (res?.status === 'applied' && res.detail?.version) known.set(`${me.id}/${rfq.id}`, res.detail.version);
    return r;
  }],
  [10, 'ask', async (me) => {
    const rfq = pick(rfqs);
    const r = await me.session.call('POST', `/api/rfqs/${rfq.id}/clarifications`, {
      text: `Bench ${run}: is a zinc flake finish acceptable instead of zinc plating?`,
    });
    if (r.status === 201) questions.push([rfq.id, r.json.id]);
    return r;
  }],
  [5, 'answer', async (me) => {
    const q = questions.shift();
    if (!q) return defaultOps[2][2](me);
    return buyer.call('POST', `/api/rfqs/${q[0]}/clarifications/${q[1]}/answer`, {
      text: 'Yes, zinc flake to ISO 10683 is acceptable.',
    });
  }],
  [15, 'part create', async () => {
    const n = `LD-${run}-${++partNo}`;
    const r = await buyer.call('POST', '/api/parts', { number: n, name: `Load part ${partNo}`, uom: 'H87' });
    if (r.status === 201) parts.push(r.json.id);
    return r;
  }],
  [20, 'part edit', async () =>
    buyer.call('PATCH', `/api/parts/${pick(parts)}`, { description: `edited ${new Date().toISOString()}` })],
];

// Every acknowledged write of the write-heavy mix, for --record.
const acks = [];
const sentNames = {}; // supplier id → every name a rename sent (and the first one)
for (const s of suppliers) sentNames[s.id] = [s.name];
let seq = 0;
const quoteSubmit = async (me) => {
  const rfq = pick(rfqs);
  const r = await me.session.call('PUT', `/api/rfqs/${rfq.id}/quote`, quote(rfq));
  if (r.status === 201) {
    known.set(`${me.id}/${rfq.id}`, r.json.version);
    acks.push({ k: 'quote', supplier: me.id, rfq: rfq.id, version: r.json.version, hash: r.json.hash });
  }
  return r;
};
// A sync op counts as acknowledged only when it was applied (a conflict writes no quote).
const syncAnswer = (r, ack) => {
  const res = r.json?.results?.[0];
  if (r.status === 200 && res?.status === 'applied') {
    acks.push(ack);
    return r;
  }
  return { status: r.status < 400 ? 409 : r.status, json: res ?? r.json };
};
const writeOps = [
  [40, 'submit', quoteSubmit],
  [20, 'sync submit', async (me) => {
    const rfq = pick(rfqs);
    const op = {
      op_id: crypto.randomUUID(),
      kind: 'quote.submit',
      created_at: new Date().toISOString(),
      payload: { rfq_id: rfq.id, base_version: known.get(`${me.id}/${rfq.id}`) ?? null, quote: quote(rfq) },
    };
    const r = await me.session.call('POST', '/api/sync', { ops: [op] });
    const v = r.json?.results?.[0]?.detail?.version;
    if (v) known.set(`${me.id}/${rfq.id}`, v);
    return syncAnswer(r, { k: 'sync', supplier: me.id, op });
  }],
  [15, 'visit note', async (me) => {
    const note = crypto.randomUUID();
    const op = {
      op_id: crypto.randomUUID(),
      kind: 'visit_note.create',
      created_at: new Date().toISOString(),
      payload: { note_id: note, supplier_id: me.id, text: `Bench ${run}: line 3 runs two shifts.`, taken_at: new Date().toISOString() },
    };
    const r = await buyer.call('POST', '/api/sync', { ops: [op] });
    return syncAnswer(r, { k: 'note', supplier: me.id, note });
  }],
  [15, 'supplier rename', async (me) => {
    const name = `Load ${run} supplier ${me.id.slice(0, 8)} #${++seq}`;
    sentNames[me.id].push(name);
    const r = await buyer.call('PATCH', `/api/suppliers/${me.id}`, { name });
    if (r.status === 200) acks.push({ k: 'rename', supplier: me.id, name });
    return r;
  }],
  [10, 'contact add', async (me) => {
    const email = `c${++seq}@load-${run}.example`;
    const r = await buyer.call('POST', `/api/suppliers/${me.id}/contacts`, { name: `Contact ${seq}`, email });
    if (r.status === 201) acks.push({ k: 'contact', supplier: me.id, email });
    return r;
  }],
];
const ops = MIX === 'write' ? writeOps : defaultOps;
const total = ops.reduce((s, [w]) => s + w, 0);
const choose = () => {
  let x = Math.random() * total;
  for (const op of ops) {
    if ((x -= op[0]) < 0) return op;
  }
  return ops[0];
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// ---- --flood: wrong passwords from many addresses, and the right user signing in ----
const floodAgents = Array.from(
  { length: FLOOD },
  (_, i) => new http.Agent({ keepAlive: true, maxSockets: FLOOD_EACH, localAddress: `127.0.1.${i + 1}` }),
);
const baseUrl = new URL(base);
const rawLogin = (agent, email, password) =>
  new Promise((done) => {
    const body = JSON.stringify({ email, password });
    const req = http.request(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        path: '/api/auth/login',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode));
        res.on('error', () => done('network'));
      },
    );
    req.on('error', () => done('network'));
    req.end(body);
  });
const tally = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const show = (map) => [...map].sort().map(([k, v]) => `${k}:${v}`).join(',') || '-';
// The right user's browser: one cookie jar over the whole run (so a device cookie, if
// the server gives one, is kept like a browser keeps it).
const rightUser = new Session();
if (FLOOD > 0) await rightUser.must('POST', '/api/auth/login', buyerLogin);
const flood = async (end) => {
  const answers = new Map();
  await Promise.all(
    floodAgents.flatMap((agent, i) =>
      Array.from({ length: FLOOD_EACH }, async (_, k) => {
        let n = 0;
        const gap = FLOOD_RATE > 0 ? (floodAgents.length * FLOOD_EACH * 1000) / FLOOD_RATE : 0;
        let next = performance.now() + Math.random() * gap;
        while (performance.now() < end) {
          if (gap > 0) {
            await new Promise((ok) => setTimeout(ok, Math.max(0, next - performance.now())));
            next += gap;
          }
          tally(answers, await rawLogin(agent, FLOOD_TARGET, `wrong ${i}.${k} ${++n}`));
        }
      }),
    ),
  );
  return answers;
};
const signIns = async (end) => {
  const lat = [];
  const answers = new Map();
  while (performance.now() < end) {
    const t = performance.now();
    let status;
    try {
      status = (await rightUser.call('POST', '/api/auth/login', buyerLogin)).status;
    } catch {
      status = 'network';
    }
    lat.push(performance.now() - t);
    tally(answers, status);
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return { lat, answers };
};

for (const clients of LEVELS) {
  const latencies = [];
  const byOp = new Map(ops.map(([, name]) => [name, []]));
  const counts = { ok: 0, s4xx: 0, s5xx: 0, neterr: 0 };
  const samples = new Map(); // status → first body seen
  const start = performance.now();
  const end = start + SECONDS * 1000;
  const flooding = FLOOD > 0 ? Promise.all([flood(end), signIns(end)]) : null;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const me = suppliers[i % suppliers.length];
      while (performance.now() < end) {
        const t = performance.now();
        const [, name, run] = choose();
        try {
          const r = await run(me);
          latencies.push(performance.now() - t);
          byOp.get(name).push(performance.now() - t);
          if (r.status < 400) counts.ok++;
          else {
            if (r.status >= 500) counts.s5xx++;
            else counts.s4xx++;
            if (!samples.has(r.status)) samples.set(r.status, JSON.stringify(r.json).slice(0, 300));
          }
        } catch (e) {
          counts.neterr++;
          if (!samples.has('network')) samples.set('network', String(e?.cause ?? e).slice(0, 300));
          // The server is gone (killed on purpose by `bench crash`): do not spin.
          await new Promise((ok) => setTimeout(ok, 100));
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const n = latencies.length;
  const rps = counts.ok / elapsed;
  const p50 = pct(latencies, 50);
  const p99 = pct(latencies, 99);
  console.log(
    `  ${LABEL.padEnd(10)} ${String(clients).padStart(4)} clients  ${elapsed.toFixed(1)} s  ${n} writes  ` +
      `${rps.toFixed(1)} ok/s  p50 ${p50.toFixed(0)} ms  p99 ${p99.toFixed(0)} ms  ` +
      `5xx ${counts.s5xx}  4xx ${counts.s4xx}  network errors ${counts.neterr}`,
  );
  console.log(
    '    by kind (count, p50/p99 ms): ' +
      [...byOp]
        .map(([name, l]) => {
          l.sort((a, b) => a - b);
          return `${name} ${l.length}, ${pct(l, 50).toFixed(0)}/${pct(l, 99).toFixed(0)}`;
        })
        .join('; '),
  );
  for (const [status, body] of samples) console.log(`    first ${status}: ${body}`);
  let floodKeys = '';
  if (flooding) {
    const [floodAnswers, { lat, answers }] = await flooding;
    lat.sort((a, b) => a - b);
    const ok = answers.get(200) ?? 0;
    const floodN = [...floodAnswers.values()].reduce((a, b) => a + b, 0);
    console.log(
      `    flood: ${FLOOD} addresses, ${floodN} wrong sign-ins (${(floodN / elapsed).toFixed(0)}/s; answers ${show(floodAnswers)}); ` +
        `right user: ${ok}/${lat.length} signed in, p50 ${pct(lat, 50).toFixed(0)} ms, p99 ${pct(lat, 99).toFixed(0)} ms (answers ${show(answers)})`,
    );
    floodKeys =
      ` flood=${FLOOD} flood_n=${floodN} flood_answers=${show(floodAnswers)} login_ok=${ok} login_n=${lat.length} ` +
      `login_p50_ms=${pct(lat, 50).toFixed(1)} login_p99_ms=${pct(lat, 99).toFixed(1)} login_answers=${show(answers)}`;
  }
  console.log(
    `RESULT engine=${LABEL} clients=${clients} seconds=${elapsed.toFixed(2)} requests=${n} ok=${counts.ok} ` +
      `rps=${rps.toFixed(2)} p50_ms=${p50.toFixed(1)} p99_ms=${p99.toFixed(1)} s5xx=${counts.s5xx} ` +
      `s4xx=${counts.s4xx} neterr=${counts.neterr} mix=${MIX}${floodKeys}`,
  );
}
if (RECORD) {
  writeFileSync(
    RECORD,
    JSON.stringify({ run, suppliers: suppliers.map(({ id, email }) => ({ id, email })), sentNames, acks }),
  );
  console.log(`  recorded ${acks.length} acknowledged writes in ${RECORD}`);
}
