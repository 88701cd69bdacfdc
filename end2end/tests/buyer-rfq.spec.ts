// The buyer's sourcing flow (issue 4): create a sealed RFQ, open it, receive three quotes
// (sent through the API as each supplier), see "responded" without prices until the
// deadline, then the leveled grid: cheapest cells and deltas, instant re-leveling without
// a request, keyboard navigation, the breakdown, CSV export, screenshots.
//
// Prices (USD per unit, paid on receipt, freight included, so landed = price + tooling):
//   line 1 BRK-2208 (annual volume 10 000) at 500 / 2000 / 5000:
//     Kestrel 2.20 / 2.00 / 1.90; Northwind 2.00 / 1.80 / 1.60 + 1000 tooling
//     (÷ 10 000 × 2 years = 0.05 → 2.05 / 1.85 / 1.65); Orion 2.10 / 1.75 / 1.50
//   line 2 HSG-1040: Kestrel 8 / 7.5 / 7; Northwind 10 / 9 / 8; Orion no-bid
//   line 3 SHF-0310: Kestrel 0.55 / 0.50 / 0.45; Northwind 0.50 / 0.45 / 0.40;
//     Orion 0.48 / 0.46 / 0.44
// Columns follow the server's order (supplier name): Kestrel 0, Northwind 1, Orion 2.
import * as fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { BUYER, LoginPage, screenshotsAtEachViewport, ServerClock } from './pages';
import {
  BuyerRfqPage,
  ComparePage,
  DEMO_SUPPLIERS,
  NewRfqPage,
  noBidLine,
  pricedLine,
  submitQuoteAs,
  usdQuote,
} from './buyer-pages';

const KESTREL = 0;
const NORTHWIND = 1;
const ORION = 2;

test('buyer creates a sealed RFQ, sees responses sealed, then levels and exports the bids', async ({
  page,
  playwright,
  baseURL,
}) => {
  // The sealed deadline passes when the test moves the server's clock past it (test mode).
  const clock = await ServerClock.signIn(playwright, baseURL);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(BUYER.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bid desk' })).toBeVisible();
  await page.getByRole('link', { name: 'New RFQ', exact: true }).click();

  const form = new NewRfqPage(page);
  await expect(page.getByLabel('Part, line 1', { exact: true })).toBeVisible();
  await form.fillHeader('E2E brackets, housings and shafts');
  await form.fillLine(1, { part: 'BRK-2208', revision: 'B', breaks: '500, 2000, 5000', annualVolume: '10000' });
  await form.fillLine(2, { part: 'HSG-1040', breaks: '500, 2000, 5000' });
  await form.fillLine(3, { part: 'SHF-0310', breaks: '500, 2000, 5000' });
  for (const s of DEMO_SUPPLIERS) await form.invite(s.name);
  await expect(page.getByLabel('Sealed bids', { exact: true })).toBeChecked();
  const deadline = (await clock.now()) + 10 * 60_000;
  await form.deadlineAt(deadline);
  const rfqId = await form.create();

  const rfq = new BuyerRfqPage(page);
  await rfq.open();

  const detail = await (await page.request.get(`/api/rfqs/${rfqId}`)).json();
  const [l1, l2, l3] = detail.lines.map((l: { id: string }) => l.id);
  const quotes: Record<string, unknown> = {
    'quotes@kestrel.example': usdQuote([
      pricedLine(l1, ['2.20', '2.00', '1.90']),
      pricedLine(l2, ['8.00', '7.50', '7.00']),
      pricedLine(l3, ['0.55', '0.50', '0.45']),
    ]),
    'sales@northwind.example': usdQuote([
      pricedLine(l1, ['2.00', '1.80', '1.60'], '1000'),
      pricedLine(l2, ['10.00', '9.00', '8.00']),
      pricedLine(l3, ['0.50', '0.45', '0.40']),
    ]),
    'rep@orion.example': usdQuote([
      pricedLine(l1, ['2.10', '1.75', '1.50']),
      noBidLine(l2, 'no deep-draw press for housings'),
      pricedLine(l3, ['0.48', '0.46', '0.44']),
    ]),
  };
  for (const s of DEMO_SUPPLIERS) {
    const ctx = await playwright.request.newContext({ baseURL });
    await submitQuoteAs(ctx, s.email, rfqId, quotes[s.email]);
    await ctx.dispose();
  }

  // Before the deadline: who responded, no prices, the server's sealed message.
  await page.reload();
  for (const s of DEMO_SUPPLIERS) {
    await expect(rfq.responseRow(s.name)).toContainText('responded');
    await expect(rfq.responseRow(s.name)).toContainText('v1');
  }
  await expect(page.getByRole('status').filter({ hasText: /sealed/i })).toBeVisible();
  await expect(rfq.compareLink).toHaveCount(0);
  await expect(page.getByText('2.05')).toHaveCount(0);

  // The comparison shows the sealed message until the deadline, then the grid.
  const compare = new ComparePage(page);
  await page.goto(`/rfqs/${rfqId}/compare`);
  await expect(compare.sealed).toBeVisible();
  await expect(compare.grid).toHaveCount(0);
  await clock.passDeadline(deadline);
  await page.reload();
  await expect(compare.grid).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });

  // Cheapest cells and deltas (rows: line 1 → 0..2, line 2 → 3..5, line 3 → 6..8).
  await expect(compare.landed(0, NORTHWIND)).toHaveText('2.05');
  await expect(compare.cell(0, NORTHWIND)).toHaveClass(/cell-lowest/);
  await expect(compare.delta(0, ORION)).toHaveText('+2.4 %');
  await expect(compare.delta(0, KESTREL)).toHaveText('+7.3 %');
  await expect(compare.cell(1, ORION)).toHaveClass(/cell-lowest/);
  await expect(compare.delta(1, NORTHWIND)).toHaveText('+5.7 %');
  await expect(compare.delta(2, KESTREL)).toHaveText('+26.7 %');
  await expect(compare.cell(3, KESTREL)).toHaveClass(/cell-lowest/);
  await expect(compare.delta(3, NORTHWIND)).toHaveText('+25.0 %');
  await expect(compare.cell(3, ORION)).toContainText('No bid');
  await expect(compare.cell(6, ORION)).toHaveClass(/cell-lowest/);
  await expect(compare.delta(6, KESTREL)).toHaveText('+14.6 %');
  await expect(compare.cell(8, NORTHWIND)).toHaveClass(/cell-lowest/);
  await expect(compare.delta(8, KESTREL)).toHaveText('+12.5 %');

  // Re-leveling happens in the browser: no request for the comparison.
  let comparisonRequests = 0;
  page.on('request', (r) => {
    if (/\/comparison(\?|$)/.test(r.url())) comparisonRequests += 1;
  });
  await compare.openSettings();
  await page.getByLabel('Amortization (years)', { exact: true }).fill('1');
  await expect(compare.landed(0, NORTHWIND)).toHaveText('2.1');
  await expect(compare.landed(1, NORTHWIND)).toHaveText('1.9');
  expect(comparisonRequests).toBe(0);
  // Trying another annual volume re-levels at once too: 1 000 tooling over 5 000 a year.
  await page.getByText('Annual volumes', { exact: true }).click();
  await page.getByLabel('Annual volume, line 1', { exact: true }).fill('5000');
  await expect(compare.landed(0, NORTHWIND)).toHaveText('2.2');
  expect(comparisonRequests).toBe(0);
  await expect(page.getByRole('link', { name: 'Export CSV', exact: true })).toHaveAttribute('href', /volumes=.+%3A5000/);
  await page.getByLabel('Annual volume, line 1', { exact: true }).fill('10000');
  await expect(compare.landed(0, NORTHWIND)).toHaveText('2.1');

  // Keyboard: arrows move the roving focus, Enter opens the breakdown, Escape closes it.
  await compare.cell(0, KESTREL).click();
  await expect(compare.breakdown).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(compare.breakdown).toHaveCount(0);
  await expect(compare.cell(0, KESTREL)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(compare.cell(0, NORTHWIND)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(compare.cell(1, NORTHWIND)).toBeFocused();
  await expect(compare.cell(1, NORTHWIND)).toHaveAttribute('tabindex', '0');
  await expect(compare.cell(0, KESTREL)).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Enter');
  await expect(compare.breakdown).toBeVisible();
  await expect(compare.breakdown).toContainText('Northwind Metal Works');
  await expect(compare.breakdown).toContainText('Tooling');
  await expect(compare.breakdown).toContainText('USD 0.1');
  await page.keyboard.press('Escape');
  await expect(compare.breakdown).toHaveCount(0);

  // Export CSV with the current settings.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV', exact: true }).click();
  const file = await (await download).path();
  const firstLine = fs.readFileSync(file!, 'utf8').split(/\r?\n/)[0];
  expect(firstLine).toMatch(/^line,part,revision,quantity,supplier/);
  expect(comparisonRequests).toBe(0);

  await screenshotsAtEachViewport(page, 'compare-grid', page.getByRole('heading', { level: 1, name: 'Compare bids' }));
});
