// Issue 11: the buyer opens any supplier's full quote — every version with all its fields,
// and the files the supplier kept with it — from "Responses" on the RFQ page and from a
// cell's breakdown in the comparison. While the RFQ is sealed the versions are listed
// without their prices; once the deadline passed (server test clock) everything shows.
//
// Northwind quotes BRK-2208 rev B at 500 / 2000 / 5000 twice: v1 0.70 / 0.65 / 0.60, then
// v2 0.62 / 0.55 / 0.49 with a 500 USD die, 21 days, and keeps a file "nw-offer.csv".
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ComparePage, pricedLine, usdQuote } from './buyer-pages';
import { BUYER, DEMO_PASSWORD, LoginPage, ServerClock, SUPPLIER } from './pages';

async function csrfOf(page: Page) {
  return (await (await page.request.get('/api/me')).json()).csrf_token as string;
}

async function signInApi(api: APIRequestContext, email: string) {
  const r = await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).csrf_token as string;
}

test('the buyer opens the full quote from Responses and from a grid cell', async ({ page, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const clock = await ServerClock.signIn(playwright, baseURL);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(BUYER.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bid desk' })).toBeVisible();

  // A sealed RFQ inviting Northwind, opened (API).
  const csrf = await csrfOf(page);
  const parts = await (await page.request.get('/api/parts?q=BRK-2208')).json();
  const part = parts.find((p: { number: string }) => p.number === 'BRK-2208');
  const suppliers = await (await page.request.get('/api/suppliers')).json();
  const nw = suppliers.find((s: { name: string }) => s.name === SUPPLIER.org).id as string;
  const deadline = (await clock.now()) + 3_600_000;
  const created = await page.request.post('/api/rfqs', {
    data: {
      title: `E2E full quote ${Date.now()}`,
      currency: 'USD',
      incoterm: 'FCA Chicago',
      payment_terms: 'Net 0',
      deadline: new Date(deadline).toISOString(),
      sealed: true,
      lines: [{ part_id: part.id, revision: 'B', quantities: ['500', '2000', '5000'] }],
      supplier_ids: [nw],
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const rfq = await created.json();
  const opened = await page.request.post(`/api/rfqs/${rfq.id}/open`, { headers: { 'x-csrf-token': csrf } });
  expect(opened.status(), await opened.text()).toBe(200);

  // Northwind: two versions and a kept file.
  const api = await playwright.request.newContext({ baseURL });
  const scsrf = await signInApi(api, SUPPLIER.email);
  const line = rfq.lines[0].id;
  const v1 = await api.put(`/api/rfqs/${rfq.id}/quote`, {
    data: usdQuote([pricedLine(line, ['0.70', '0.65', '0.60'])]),
    headers: { 'x-csrf-token': scsrf },
  });
  expect(v1.status(), await v1.text()).toBe(201);
  const second = usdQuote([{ ...pricedLine(line, ['0.62', '0.55', '0.49'], '500'), lead_time_days: 21 }]);
  second.header.reference = 'NW-Q-2207 rev 2';
  const v2 = await api.put(`/api/rfqs/${rfq.id}/quote`, { data: second, headers: { 'x-csrf-token': scsrf } });
  expect(v2.status(), await v2.text()).toBe(201);
  const file = await api.post(`/api/files?owner_kind=quote&owner_id=${rfq.id}&name=nw-offer.csv`, {
    data: Buffer.from('Item,Qty,Price\nBRK-2208,500,0.62\n'),
    headers: { 'x-csrf-token': scsrf, 'content-type': 'text/csv' },
  });
  expect(file.status(), await file.text()).toBeLessThan(300);

  // From Responses, while sealed: the versions, no prices, no files.
  await page.goto(`/rfqs/${rfq.id}`);
  await page.getByRole('link', { name: `Open quote from ${SUPPLIER.org}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/rfqs/${rfq.id}/quotes/${nw}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Quote from ${SUPPLIER.org}` })).toBeVisible();
  const version = (n: number) => page.getByRole('region', { name: new RegExp(`^Version ${n}`) });
  await expect(version(2)).toContainText('Sealed: prices and terms are shown once bidding has ended.');
  await expect(version(1)).toContainText('Sealed');
  await expect(page.getByText('0.62')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Files kept with the quote' })).toHaveCount(0);

  // After the deadline: every field of every version, and the kept file.
  await clock.passDeadline(deadline);
  await page.reload();
  await expect(version(2)).toContainText('FCA Chicago');
  await expect(version(2)).toContainText('included in the price');
  await expect(version(2)).toContainText('NW-Q-2207 rev 2');
  const lines2 = page.getByRole('table', { name: 'Lines, version 2' });
  await expect(lines2).toContainText('500: USD 0.62 · 2,000: USD 0.55 · 5,000: USD 0.49');
  await expect(lines2).toContainText('21 days');
  await expect(lines2).toContainText('Die USD 500');
  await expect(page.getByRole('table', { name: 'Lines, version 1' })).toContainText('500: USD 0.7');
  const files = page.getByRole('region', { name: 'Files kept with the quote' });
  await expect(files.getByRole('link', { name: 'nw-offer.csv', exact: true })).toHaveAttribute('download', 'nw-offer.csv');

  // From a grid cell: the breakdown links to the same page.
  await page.goto(`/rfqs/${rfq.id}/compare`);
  const compare = new ComparePage(page);
  // 0.62 + the 500 USD die over the 500 ordered (no annual volume on the line).
  await expect(compare.landed(0, 0)).toHaveText('1.62');
  await compare.cell(0, 0).click();
  await compare.breakdown.getByRole('link', { name: `Open quote from ${SUPPLIER.org}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/rfqs/${rfq.id}/quotes/${nw}$`));
  await expect(page.getByRole('table', { name: 'Lines, version 2' })).toBeVisible();
  await api.dispose();
});
