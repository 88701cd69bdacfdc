// Helpers for the offline tests (offline.spec.ts): sign in, wait for the service worker to
// control the page, the header's sync status (docs/contract.md, UI contract, "Offline").
import * as path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectSoundLayout } from './pages';

export const PASSWORD = 'bidwell-demo';
export const BUYER_EMAIL = 'buyer@acme.example';
export const DEMO_RFQ = 'RFQ-2026-0001';
export const NORTHWIND = 'Northwind Metal Works';

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Resolves once the service worker is active (the shell is precached) and controls the
 * page. The worker claims open pages when it activates, but a page that navigated while
 * the worker was still installing can miss that and is only controlled from its next
 * load, which is what a person gets too. So: once a worker is active, a page that is not
 * controlled is reloaded (no waiting to see whether the claim still comes); a load with an
 * active worker is always controlled.
 */
export async function waitForServiceWorker(page: Page) {
  const controlled = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return !!navigator.serviceWorker.controller;
  });
  if (!controlled) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** The header's "Online · 2 pending" status. */
export function syncStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync status' });
}

export function syncNow(page: Page): Locator {
  return page.getByRole('button', { name: 'Sync now' });
}

export async function supplierId(api: APIRequestContext, name: string): Promise<string> {
  const r = await api.get('/api/suppliers');
  expect(r.ok()).toBeTruthy();
  const list = (await r.json()) as { id: string; name: string }[];
  const s = list.find((x) => x.name === name);
  if (!s) throw new Error(`no supplier ${name}`);
  return s.id;
}

export async function shot(page: Page, name: string) {
  await expectSoundLayout(page, `offline ${name}`);
  await page.screenshot({
    path: path.join(__dirname, '..', 'artifacts', 'screenshots', `offline-${name}.png`),
    fullPage: true,
  });
}

export const NORTHWIND_SALES = 'sales@northwind.example';
export const KESTREL_QUOTES = 'quotes@kestrel.example';

/** A separate API client signed in as `email` (its own cookies); answers it with the CSRF token. */
export async function apiAs(
  playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } },
  baseURL: string | undefined,
  email: string,
) {
  const request = await playwright.request.newContext({ baseURL });
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const csrf = (await login.json()).csrf_token as string;
  return { request, csrf };
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Creates and opens an RFQ through the API (buyer): one line BRK-2208 with breaks
 * 500 / 2000 / 5000, USD, inviting the named suppliers, with its deadline `seconds` from
 * now by this machine's clock — or at `deadline` (unix ms), for a test that then passes
 * it on the server's clock (`ServerClock` in pages.ts).
 */
export async function openRfq(
  buyer: Api,
  opts: { title: string; seconds?: number; deadline?: number; suppliers: string[]; sealed?: boolean },
) {
  const headers = { 'x-csrf-token': buyer.csrf };
  const parts = (await (await buyer.request.get('/api/parts')).json()) as { id: string; number: string }[];
  const part = parts.find((p) => p.number === 'BRK-2208');
  if (!part) throw new Error('no demo part BRK-2208');
  const all = (await (await buyer.request.get('/api/suppliers')).json()) as { id: string; name: string }[];
  const supplier_ids = opts.suppliers.map((n) => {
    const s = all.find((x) => x.name === n);
    if (!s) throw new Error(`no supplier ${n}`);
    return s.id;
  });
  const created = await buyer.request.post('/api/rfqs', {
    headers,
    data: {
      title: opts.title,
      currency: 'USD',
      deadline: new Date(opts.deadline ?? Date.now() + (opts.seconds ?? 86_400) * 1000).toISOString(),
      sealed: opts.sealed ?? false,
      lines: [{ part_id: part.id, quantities: ['500', '2000', '5000'] }],
      supplier_ids,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const rfq = await created.json();
  const opened = await buyer.request.post(`/api/rfqs/${rfq.id}/open`, { headers });
  expect(opened.status(), await opened.text()).toBe(200);
  return { id: rfq.id as string, number: rfq.number as string, lineId: rfq.lines[0].id as string };
}

/** A USD quote for the one-line RFQ of [`openRfq`]. */
export function quoteBody(lineId: string, prices: [string, string, string]) {
  return {
    header: {
      currency: 'USD',
      valid_until: '2030-06-30',
      incoterm: 'FCA',
      incoterm_place: 'Chicago',
      payment_terms: {
        text: 'Net 30',
        net_days: 30,
        discount_pct: null,
        discount_days: null,
        basis: 'invoice_date',
        deposit_pct: null,
        method: null,
      },
      freight: { kind: 'included' },
      reference: '',
    },
    lines: [
      {
        rfq_line_id: lineId,
        breaks: [
          { min_qty: '500', price: prices[0] },
          { min_qty: '2000', price: prices[1] },
          { min_qty: '5000', price: prices[2] },
        ],
        price_basis_qty: '1',
        lead_time_days: 30,
        tooling: [],
      },
    ],
  };
}

/** Submits a quote online through the API as the signed-in supplier `s`; answers the receipt. */
export async function submitAs(s: Api, rfqId: string, body: unknown) {
  const r = await s.request.put(`/api/rfqs/${rfqId}/quote`, {
    data: body,
    headers: { 'x-csrf-token': s.csrf },
  });
  expect(r.status(), await r.text()).toBe(201);
  return r.json();
}

/** The supplier's own versions on the server, newest first. */
export async function versionsOf(s: Api, rfqId: string) {
  const r = await s.request.get(`/api/rfqs/${rfqId}/quote`);
  expect(r.ok()).toBeTruthy();
  return (await r.json()).versions as { receipt: { version: number }; quote: { lines: { breaks: { price: string }[] }[] } | null }[];
}

/** The supplier's quote page as the person sees it (labels from docs/contract.md). */
export function quoteLine(page: Page) {
  return page.getByRole('group', { name: /^Line 1 · / });
}

export function priceInput(page: Page, brk: number): Locator {
  return quoteLine(page).getByLabel(`Price, break ${brk}`, { exact: true });
}

/** Fills the header fields a quote needs and the three prices of line 1. */
export async function fillQuote(page: Page, prices: [string, string, string]) {
  await page.getByLabel('Valid until', { exact: true }).fill('2030-06-30');
  await page.getByLabel('Incoterm', { exact: true }).selectOption('FCA');
  await page.getByLabel('Named place', { exact: true }).fill('Chicago');
  for (let i = 0; i < 3; i++) await priceInput(page, i + 1).fill(prices[i]);
}

/** "Make available offline" on an RFQ page; waits for "Available offline · HH:MM". */
export async function makeAvailableOffline(page: Page) {
  await page.getByRole('button', { name: 'Make available offline', exact: true }).click();
  await expect(page.getByTestId('offline-pin-state')).toHaveText(/^Available offline · \d\d:\d\d$/);
}

/** The conflicts panel ("Changes that need you"). */
export function conflicts(page: Page): Locator {
  return page.getByRole('region', { name: 'Conflicts' });
}
