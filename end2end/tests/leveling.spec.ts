// Leveling that never misleads (issue 11), in the comparison, in real Chromium against the
// real server:
//   1. a bid in a currency without a rate is never priced at 1: its cell says which rate
//      is missing; the rate is added in place, in the cell's breakdown, and the cell
//      re-levels at once (and the rate is saved to the exchange-rate table);
//   2. a quote on other delivery terms than the RFQ's (EXW Shenzhen against FCA Chicago)
//      is flagged "estimate missing"; the buyer enters freight and duty in place and its
//      landed cost includes them, so the bid that looked cheapest no longer is.
//
// One RFQ (FCA Chicago, USD, not sealed) for BRK-2208 at 500 / 2000 / 5000, created through
// the API; the deadline passes on the server's test clock. Prices per unit, paid on
// receipt, freight included (landed = price unless said otherwise):
//   Kestrel   0.50 / 0.45 / 0.40 CHF, FCA Chicago — no CHF rate until the test adds
//             1 CHF = 1.20 USD: 0.60 / 0.54 / 0.48
//   Northwind 0.62 / 0.55 / 0.49 USD, FCA Chicago
//   Orion     0.50 / 0.48 / 0.45 USD, EXW Shenzhen: the lowest at 500 and 5000 until its
//             freight counts; with 110 USD per shipment and 3.5 % duty 0.50 + 110 / 500 +
//             0.0175 = 0.7375 at 500 and 0.45 + 0.022 + 0.01575 = 0.48775 at 5000, so
//             Kestrel (0.60, 0.48) becomes the lowest at both
// Columns follow supplier names: Kestrel 0, Northwind 1, Orion 2.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ComparePage, DEMO_SUPPLIERS, pricedLine, submitQuoteAs, usdQuote } from './buyer-pages';
import { BUYER, LoginPage, screenshotsAtEachViewport, ServerClock } from './pages';

const KESTREL = 0;
const NORTHWIND = 1;
const ORION = 2;

/** axe-core's serious and critical findings on the page as it is now. */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Opens a breakdown with `open`, checks it with axe-core at 390 px, then closes it. */
async function axeClean(page: Page, what: string, open: () => Promise<void>) {
  await open();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('region', { name: 'Cost breakdown' })).toBeVisible();
  expect(await serious(page), `${what} at 390 px: axe-core`).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Close breakdown', exact: true }).click();
}

/** A JSON write as the signed-in page's user (CSRF from `/api/me`). */
async function send(page: Page, method: 'post' | 'put', path: string, data: unknown) {
  const me = await (await page.request.get('/api/me')).json();
  const r = await page.request[method](path, { data, headers: { 'x-csrf-token': me.csrf_token } });
  expect(r.status(), `${method} ${path}: ${await r.text()}`).toBeLessThan(300);
  return r.json();
}

/** The RFQ above, open, quoted by all three, past its deadline; answers its id. */
async function leveledRfq(page: Page, request: (email: string) => Promise<APIRequestContext>, clock: ServerClock) {
  const parts = await (await page.request.get('/api/parts?q=BRK-2208')).json();
  const part = parts.find((p: { number: string }) => p.number === 'BRK-2208');
  const suppliers = await (await page.request.get('/api/suppliers')).json();
  const ids = DEMO_SUPPLIERS.map((s) => suppliers.find((x: { name: string }) => x.name === s.name).id);
  const deadline = (await clock.now()) + 3_600_000;
  const rfq = await send(page, 'post', '/api/rfqs', {
    title: `E2E leveling ${Date.now()}`,
    currency: 'USD',
    incoterm: 'FCA Chicago',
    payment_terms: 'Net 0',
    deadline: new Date(deadline).toISOString(),
    sealed: false,
    lines: [{ part_id: part.id, revision: 'B', quantities: ['500', '2000', '5000'] }],
    supplier_ids: ids,
  });
  await send(page, 'post', `/api/rfqs/${rfq.id}/open`, null);
  const line = rfq.lines[0].id;
  const chf = usdQuote([pricedLine(line, ['0.50', '0.45', '0.40'])]);
  chf.header.currency = 'CHF';
  const exw = usdQuote([pricedLine(line, ['0.50', '0.48', '0.45'])]);
  exw.header.incoterm = 'EXW';
  exw.header.incoterm_place = 'Shenzhen';
  await submitQuoteAs(await request('quotes@kestrel.example'), 'quotes@kestrel.example', rfq.id, chf);
  await submitQuoteAs(await request('sales@northwind.example'), 'sales@northwind.example', rfq.id, usdQuote([pricedLine(line, ['0.62', '0.55', '0.49'])]));
  await submitQuoteAs(await request('rep@orion.example'), 'rep@orion.example', rfq.id, exw);
  await clock.passDeadline(deadline);
  return rfq.id as string;
}

test('a missing rate is added in place and a quote on other Incoterms gets its freight and duty', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const clock = await ServerClock.signIn(playwright, baseURL);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(BUYER.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bid desk' })).toBeVisible();
  const rfqId = await leveledRfq(page, () => playwright.request.newContext({ baseURL }), clock);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/rfqs/${rfqId}/compare`);
  const compare = new ComparePage(page);
  await expect(compare.grid).toBeVisible();

  // --- 1. The missing CHF rate: named in the cell, never priced at 1. ---
  await expect(compare.cell(0, KESTREL)).toContainText('No CHF rate: select to add it');
  await axeClean(page, 'the missing-rate breakdown', () => compare.cell(0, KESTREL).click());
  await expect(compare.landed(0, KESTREL)).toHaveCount(0);
  // Orion's 0.50 (before its freight) is the lowest priced at 500, not Kestrel's 0.50 CHF.
  await expect(compare.cell(0, ORION)).toHaveClass(/cell-lowest/);
  await compare.cell(0, KESTREL).click();
  await expect(compare.breakdown).toContainText('there is no CHF rate against USD');
  const rate = compare.breakdown.getByLabel('1 CHF in USD', { exact: true });
  // Checked as every rate is: not a number, or not positive, is refused on the field.
  await rate.fill('0');
  await compare.breakdown.getByRole('button', { name: 'Add CHF rate', exact: true }).click();
  await expect(compare.breakdown).toContainText('the rate must be positive');
  await expect(compare.landed(0, KESTREL)).toHaveCount(0);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/fx') && r.request().method() === 'PUT');
  await rate.fill('1.20');
  await compare.breakdown.getByRole('button', { name: 'Add CHF rate', exact: true }).click();
  // The cell re-levels at once: 0.50 CHF × 1.20 = 0.60 USD, and the other breaks too.
  await expect(compare.landed(0, KESTREL)).toHaveText('0.6');
  await expect(compare.landed(1, KESTREL)).toHaveText('0.54');
  await expect(compare.landed(2, KESTREL)).toHaveText('0.48');
  // Orion's 0.45 (before its freight) is still the lowest at 5000.
  await expect(compare.cell(2, ORION)).toHaveClass(/cell-lowest/);
  // The breakdown now shows the priced cell with the rate and its date.
  await expect(compare.breakdown).toContainText('FX rate');
  await expect(compare.breakdown).toContainText('1.2 (as of');
  expect((await saved).status()).toBe(200);
  await expect(compare.breakdown.getByRole('status').filter({ hasText: 'CHF rate 1.2 saved' })).toBeVisible();
  // Saved to the table: the server levels with it too.
  const fx = await (await page.request.get('/api/fx?base=USD')).json();
  expect(fx).toContainEqual(expect.objectContaining({ base: 'USD', currency: 'CHF', rate: '1.2' }));
  await compare.breakdown.getByRole('button', { name: 'Close breakdown', exact: true }).click();

  // --- 2. EXW Shenzhen against FCA Chicago: flagged until estimated. ---
  const flag = compare.cell(0, ORION).locator('.badge-flag', { hasText: 'Incoterm: estimate missing' });
  await expect(flag).toBeVisible();
  await expect(flag).toHaveAttribute('title', 'Incoterm EXW Shenzhen instead of FCA Chicago — estimate missing');
  await expect(compare.cell(0, NORTHWIND).locator('.badge-flag', { hasText: 'Incoterm' })).toHaveCount(0);
  await expect(compare.landed(0, ORION)).toHaveText('0.5');
  await compare.cell(0, ORION).click();
  const form = compare.breakdown.getByRole('form', { name: 'Freight and duty estimate for Orion Stamping' });
  await expect(form.getByRole('status')).toContainText('Estimate missing');
  await form.getByLabel('Currency', { exact: true }).fill('USD');
  await form.getByLabel('Freight', { exact: true }).selectOption({ label: 'Per shipment' });
  // A bad duty is refused on its field, by the same rule as the server's.
  await form.getByLabel('Freight amount', { exact: true }).fill('110');
  await form.getByLabel('Duty % of the price', { exact: true }).fill('120');
  await form.getByRole('button', { name: 'Save estimate', exact: true }).click();
  await expect(form).toContainText('a percentage from 0 to 100');
  await form.getByLabel('Duty % of the price', { exact: true }).fill('3.5');
  await form.getByLabel('Source (forwarder offer, tariff code)', { exact: true }).fill('Forwarder offer FW-88');
  const put = page.waitForResponse((r) => r.url().includes('/estimates/') && r.request().method() === 'PUT');
  await form.getByRole('button', { name: 'Save estimate', exact: true }).click();
  expect((await put).status()).toBe(200);
  // Re-levelled: 0.50 + 110 / 500 + 3.5 % of 0.50 = 0.7375; Kestrel (0.60) is now the
  // lowest at 500; at 5000 too: 0.45 + 0.022 + 0.01575 = 0.48775 against Kestrel's 0.48.
  await expect(compare.landed(0, ORION)).toHaveText('0.7375');
  await expect(compare.cell(0, KESTREL)).toHaveClass(/cell-lowest/);
  await expect(compare.cell(0, ORION)).not.toHaveClass(/cell-lowest/);
  await expect(compare.landed(2, ORION)).toHaveText('0.4878');
  await expect(compare.cell(2, KESTREL)).toHaveClass(/cell-lowest/);
  await expect(compare.breakdown).toContainText('Freight (your estimate)');
  await expect(compare.breakdown).toContainText('USD 0.22');
  await expect(compare.breakdown).toContainText('Duty (your estimate)');
  await expect(compare.breakdown).toContainText('USD 0.0175');
  await expect(
    compare.breakdown.getByRole('form', { name: 'Freight and duty estimate for Orion Stamping' }).getByRole('status'),
  ).toContainText('In the landed cost: freight USD 110 per shipment, duty 3.5 %.');
  await expect(compare.cell(0, ORION).locator('.badge-flag', { hasText: 'estimate missing' })).toHaveCount(0);
  await expect(compare.cell(0, ORION).locator('.badge-flag', { hasText: 'Incoterm' })).toBeVisible();

  // The estimate form at phone, tablet and laptop sizes: no sideways scroll, no overlap,
  // and no serious accessibility finding.
  await screenshotsAtEachViewport(page, 'compare-estimate', compare.breakdown);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await serious(page), 'the estimate form at 390 px: axe-core').toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Stored by the server: a reload shows the same, and the export carries both parts.
  await page.reload();
  await expect(compare.landed(0, ORION)).toHaveText('0.7375');
  const csv = await (await page.request.get(`/api/rfqs/${rfqId}/comparison.csv?cost_of_capital_pct=8`)).text();
  expect(csv.split('\r\n')[0]).toContain('freight,estimated_freight,duty,tooling');
  expect(csv).toContain(',Orion Stamping,priced,USD,0.5,0,0.22,0.0175,');
});
