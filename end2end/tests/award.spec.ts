// Close bidding early and award (issue 4, buyer side), through the UI:
// the buyer enters a last price on the revision (API), creates an RFQ in the form with a
// line should-cost, two of three invited suppliers quote (API), the buyer closes bidding
// early with a reason, reads the deltas to last price and should-cost in a cell's
// breakdown, and awards line 1 at the 2000 break to the lowest bidder.
//
// SHF-0310 rev A, last price 0.60 USD (revision), should-cost 0.40 USD (typed on the line).
// Quotes (USD, paid on receipt, freight included, so landed = price):
//   Kestrel 0.55 / 0.50 / 0.45; Northwind 0.50 / 0.45 / 0.40; Orion does not answer.
// Northwind at 500: (0.50 − 0.60) / 0.60 = −16.7 % to last price; +25.0 % to should-cost.
// Columns follow the server's order (supplier name): Kestrel 0, Northwind 1.
import { expect, test } from '@playwright/test';
import { BUYER, LoginPage } from './pages';
import {
  BuyerRfqPage,
  ComparePage,
  DEMO_SUPPLIERS,
  NewRfqPage,
  pricedLine,
  submitQuoteAs,
  usdQuote,
} from './buyer-pages';

const NORTHWIND = 1;

test('buyer closes bidding early, sees deltas to last price and should-cost, and awards', async ({
  page,
  playwright,
  baseURL,
}) => {
  // Closing early ends bidding at once: nothing is waited out (~12 s here).
  test.setTimeout(60_000);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(BUYER.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bid desk' })).toBeVisible();

  // A last price on the revision, entered by hand (buyer-internal).
  const me = await (await page.request.get('/api/me')).json();
  const parts = await (await page.request.get('/api/parts?q=SHF-0310')).json();
  const shaft = parts.find((p: { number: string }) => p.number === 'SHF-0310');
  const revA = shaft.revisions.find((r: { label: string }) => r.label === 'A');
  const set = await page.request.patch(`/api/parts/${shaft.id}/revisions/${revA.id}`, {
    data: { last_price: { amount: '0.60', currency: 'USD' } },
    headers: { 'x-csrf-token': me.csrf_token },
  });
  expect(set.status(), await set.text()).toBe(200);

  await page.goto('/rfqs/new');
  const form = new NewRfqPage(page);
  await expect(page.getByLabel('Part, line 1', { exact: true })).toBeVisible();
  await form.fillHeader('E2E shafts to award');
  await form.fillLine(1, { part: 'SHF-0310', revision: 'A', breaks: '500, 2000, 5000' });
  // The revision's last price is the default, shown as the placeholder.
  await expect(page.getByLabel('Last price, line 1', { exact: true })).toHaveAttribute(
    'placeholder',
    /0\.6 USD/,
  );
  await page.getByLabel('Should-cost, line 1', { exact: true }).fill('0.40');
  for (const s of DEMO_SUPPLIERS) await form.invite(s.name);
  await form.deadlineIn(3600);
  const rfqId = await form.create();

  const rfq = new BuyerRfqPage(page);
  await rfq.open();

  const detail = await (await page.request.get(`/api/rfqs/${rfqId}`)).json();
  const [l1] = detail.lines.map((l: { id: string }) => l.id);
  const api = await playwright.request.newContext({ baseURL });
  await submitQuoteAs(api, 'quotes@kestrel.example', rfqId, usdQuote([pricedLine(l1, ['0.55', '0.50', '0.45'])]));
  await submitQuoteAs(api, 'sales@northwind.example', rfqId, usdQuote([pricedLine(l1, ['0.50', '0.45', '0.40'])]));

  // Close bidding: Orion has not answered, so a reason is asked for.
  await page.reload();
  await page.getByRole('button', { name: 'Close bidding', exact: true }).click();
  const closeForm = page.getByRole('form', { name: 'Close bidding' });
  await expect(closeForm).toContainText('2 of 3 invited suppliers have responded');
  await page.getByLabel('Reason for closing early', { exact: true }).fill('Orion told us by phone they pass');
  await page.getByRole('button', { name: 'Close bidding now', exact: true }).click();
  await expect(page.locator('.head-badges')).toContainText('closed');
  await expect(rfq.compareLink).toBeVisible();
  await rfq.compareLink.click();

  // The breakdown shows the deltas to the last price and the should-cost.
  const compare = new ComparePage(page);
  await expect(compare.grid).toBeVisible();
  await expect(compare.landed(0, NORTHWIND)).toHaveText('0.5');
  await compare.cell(0, NORTHWIND).click();
  await expect(compare.breakdown).toContainText('Delta to last price');
  await expect(compare.breakdown).toContainText('-16.7 %');
  await expect(compare.breakdown).toContainText('+25.0 %');

  // Award at the second break: the lowest there (Northwind, 0.45) is the default.
  const award = page.getByRole('region', { name: 'Award', exact: true });
  await page.getByLabel('Award at break', { exact: true }).selectOption({ label: 'Break 2' });
  const winner = page.getByLabel('Winner for line 1', { exact: true });
  await expect(winner.locator('option:checked')).toContainText('Northwind Metal Works');
  await page.getByLabel('Award note', { exact: true }).fill('Lowest landed at 2000');
  await page.getByRole('button', { name: 'Award', exact: true }).click();
  await expect(page.getByRole('alertdialog', { name: 'Confirm award' })).toContainText('Award 1 line(s)');
  await page.getByRole('button', { name: 'Confirm award', exact: true }).click();
  await expect(award).toContainText('This RFQ is awarded.');
  await expect(award).toContainText('Line 1 · SHF-0310: Northwind Metal Works at 2000 (USD 0.45 per unit)');

  // The award became the revision's last price; the loser learns only its own result.
  const after = await (await page.request.get(`/api/parts/${shaft.id}`)).json();
  const lp = after.revisions.find((r: { label: string }) => r.label === 'A').last_price;
  expect(lp).toMatchObject({ amount: '0.45', currency: 'USD', source: 'award', rfq_number: detail.number });
  const kestrel = await playwright.request.newContext({ baseURL });
  const kl = await kestrel.post('/api/auth/login', { data: { email: 'quotes@kestrel.example', password: 'bidwell-demo' } });
  expect(kl.status()).toBe(200);
  const kview = await (await kestrel.get(`/api/rfqs/${rfqId}`)).json();
  expect(kview.my_award.result).toBe('not_awarded');
  expect(JSON.stringify(kview)).not.toContain('Northwind');
  expect(JSON.stringify(kview)).not.toContain('last_price');

  // The RFQ page shows the award summary.
  await page.goto(`/rfqs/${rfqId}`);
  await expect(page.getByRole('table', { name: 'Award summary' })).toContainText('Northwind Metal Works');
});
