// The supplier's side of a quote (issue 4): typed quote with a draft that survives a
// reload, client-side validation, submission with a bid receipt, resubmission; upload of
// an XLSX and a PDF quote read in the browser's extraction worker, reviewed, then
// submitted; and no supplier can read another's quote.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUYER, DEMO_PASSWORD, DEMO_RFQ, screenshotsAtEachViewport, SUPPLIER } from './pages';
import { KESTREL, ORION, SupplierRfqPage } from './supplier-pages';

const HEX64 = /^[0-9a-f]{64}$/;

test('a supplier types a quote, keeps the draft across a reload, submits, downloads the receipt and resubmits', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(SUPPLIER.email, DEMO_RFQ);
  const before = await rfq.versionCount();

  // The RFQ's break quantities are pre-filled.
  await expect(rfq.quantity(1, 1)).toHaveValue('500');
  await expect(rfq.quantity(1, 3)).toHaveValue('5000');

  await rfq.field('Valid until').fill('2027-06-30');
  await rfq.field('Incoterm').selectOption('FCA');
  await rfq.field('Named place').fill('Chicago');
  await rfq.field('Net days').fill('60');
  await rfq.field('Your reference').fill('NW-Q-2026-77');
  await rfq.price(1, 1).fill('0.62');
  await rfq.price(1, 2).fill('0.55');
  await rfq.price(1, 3).fill('0.49');
  await rfq.lineField(1, 'Lead time (days)').fill('28');
  await rfq.lineField(1, 'MOQ').fill('500');
  await rfq.lineField(2, 'No bid').check();
  await rfq.lineField(2, 'Reason for not bidding').fill('No anodizing in house');
  await rfq.price(3, 1).fill('1.40');
  await rfq.price(3, 2).fill('1.30');
  await rfq.price(3, 3).fill('-1');
  await expect(rfq.draftSaved).toBeVisible();

  // Nothing typed is lost on a reload.
  await page.reload();
  await expect(rfq.draftSaved).toBeVisible();
  await expect(rfq.price(1, 1)).toHaveValue('0.62');
  await expect(rfq.price(1, 3)).toHaveValue('0.49');
  await expect(rfq.lineField(2, 'No bid')).toBeChecked();
  await expect(rfq.lineField(2, 'Reason for not bidding')).toHaveValue('No anodizing in house');
  await expect(rfq.field('Named place')).toHaveValue('Chicago');

  // The browser applies the server's rules before sending anything.
  let puts = 0;
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().endsWith('/quote')) puts += 1;
  });
  await rfq.submit.click();
  await expect(rfq.formAlert).toHaveText(/^1 problem left to fix before sending/);
  await expect(rfq.line(3).getByText('The price must be positive')).toBeVisible();
  await expect(rfq.price(3, 3)).toBeFocused();
  expect(puts).toBe(0);
  await rfq.price(3, 3).fill('1.20');
  await expect(rfq.line(3).getByText('The price must be positive')).toHaveCount(0);
  await expect(rfq.formAlert).toHaveCount(0);

  await screenshotsAtEachViewport(page, 'supplier-quote-form', rfq.line(1));

  const put = await rfq.submitQuote();
  expect(put.status()).toBe(201);
  const receipt = await put.json();
  await expect(rfq.receipt).toBeVisible();
  await expect(rfq.receipt).toContainText(DEMO_RFQ);
  await expect(rfq.receiptHash).toHaveText(HEX64);
  await expect(rfq.receiptHash).toHaveText(receipt.hash);
  expect(receipt.version).toBe(before + 1);
  await expect(rfq.draftSaved).toHaveCount(0);

  // The receipt downloads as a JSON file built in the browser.
  const download = page.waitForEvent('download');
  await rfq.receipt.getByRole('button', { name: 'Download receipt' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`bid-receipt-${DEMO_RFQ}-v${receipt.version}.json`);
  const saved = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  expect(saved.bid_receipt.hash).toBe(receipt.hash);
  expect(saved.quote.lines[1].no_bid).toBe(true);

  // After a reload the form shows what the server holds, and no draft is left.
  await page.reload();
  await expect(rfq.receiptHash).toHaveText(receipt.hash);
  await expect(rfq.price(1, 3)).toHaveValue('0.49');
  await expect(rfq.draftSaved).toHaveCount(0);

  // Resubmitting makes a new version and supersedes the old one.
  await rfq.price(1, 3).fill('0.48');
  const put2 = await rfq.submitQuote();
  expect(put2.status()).toBe(201);
  const receipt2 = await put2.json();
  expect(receipt2.version).toBe(receipt.version + 1);
  await expect(rfq.receiptHash).toHaveText(receipt2.hash);
  await expect(rfq.versions.locator('tbody tr').first()).toContainText(`v${receipt2.version}`);
  await expect(rfq.versions.locator('tbody tr').first()).toContainText('submitted');
  await expect(rfq.versions.locator('tbody tr').nth(1)).toContainText('superseded');
  await screenshotsAtEachViewport(page, 'supplier-quote-receipt', rfq.receipt);
});

test('a supplier uploads an XLSX quote, reviews each value beside its cell, fills the form and submits', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(KESTREL.email, DEMO_RFQ);
  await rfq.uploadFile('kestrel_quote.xlsx');

  const first = rfq.review.getByRole('row', { name: /^BRK-2208 / });
  await expect(first).toContainText('0.81');
  await expect(first).toContainText('Quote!D6');
  await expect(first).toContainText('Quote!F6');
  await expect(rfq.review.getByRole('row', { name: /^HSG-1040 / })).toContainText('4,800');
  await expect(rfq.review.getByLabel('RFQ line for extracted line 1')).toHaveValue(/.+/);
  await screenshotsAtEachViewport(page, 'supplier-upload-review', rfq.review);

  await rfq.useValues.click();
  await expect(rfq.price(1, 1)).toHaveValue('0.81');
  await expect(rfq.price(2, 3)).toHaveValue('3.35');
  await expect(rfq.lineField(2, 'Tooling amount 1')).toHaveValue('4800');
  await expect(rfq.lineField(3, 'Lead time (days)')).toHaveValue('42');
  await expect(rfq.field('Currency')).toHaveValue('EUR');
  await expect(rfq.field('Incoterm')).toHaveValue('FCA');

  const put = await rfq.submitQuote();
  expect(put.status()).toBe(201);
  await expect(rfq.receiptHash).toHaveText(HEX64);
});

test('a supplier uploads a PDF quote, reviews values beside their page and line, and submits', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(ORION.email, DEMO_RFQ);
  await rfq.uploadFile('orion_quote.pdf');
  const row = rfq.review.getByRole('row', { name: /^SHF-0310 / });
  await expect(row).toContainText('1.37');
  await expect(row).toContainText(/page 1, line \d+/);

  await rfq.useValues.click();
  await expect(rfq.price(3, 1)).toHaveValue('1.37');
  await expect(rfq.field('Currency')).toHaveValue('USD');
  const put = await rfq.submitQuote();
  expect(put.status()).toBe(201);
  const receipt = await put.json();
  await expect(rfq.receiptHash).toHaveText(HEX64);

  // Withdrawal asks for confirmation, then the version shows as withdrawn.
  await rfq.yourQuote.getByRole('button', { name: 'Withdraw quote', exact: true }).click();
  await rfq.yourQuote.getByRole('button', { name: 'Yes, withdraw', exact: true }).click();
  await expect(rfq.yourQuote).toContainText(`Withdrawn (version ${receipt.version})`);
  await expect(rfq.versions.locator('tbody tr').first()).toContainText('withdrawn');
  await expect(rfq.receipt).toHaveCount(0);
});

test('a supplier asks a clarification question and sees it listed as not answered yet', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(KESTREL.email, DEMO_RFQ);
  const question = `Is the HSG-1040 wall thickness 2.0 mm or 2.5 mm? (${Date.now()})`;
  await page.getByLabel('Your question', { exact: true }).fill(question);
  const asked = page.waitForResponse(
    (r) => r.url().endsWith('/clarifications') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Ask a question', exact: true }).click();
  expect((await asked).status()).toBe(201);
  const item = page.getByRole('listitem').filter({ hasText: question });
  await expect(item).toContainText('not answered yet');
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: question })).toBeVisible();
});

test('after the deadline the form is read-only with the server\'s message', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(SUPPLIER.email, DEMO_RFQ);
  // The demo RFQ closes in 14 days; the server's two answers after a deadline are
  // played back here: a 409 on submit, then `can_change: false` on the next load.
  const message = 'The deadline has passed: quotes can no longer be submitted, changed or withdrawn.';
  await page.route(/\/api\/rfqs\/[^/]+\/quote$/, async (route) => {
    if (route.request().method() === 'PUT') {
      await route.fulfill({ status: 409, json: { code: 'deadline_passed', message } });
    } else {
      await route.continue();
    }
  });
  await rfq.price(1, 1).fill('0.61');
  await rfq.price(1, 2).fill('0.55');
  await rfq.price(1, 3).fill('0.49');
  await rfq.lineField(2, 'No bid').check();
  await rfq.lineField(2, 'Reason for not bidding').fill('No anodizing in house');
  await rfq.lineField(3, 'No bid').check();
  await rfq.lineField(3, 'Reason for not bidding').fill('Capacity');
  expect((await rfq.submitQuote()).status()).toBe(409);
  await expect(rfq.yourQuote.getByRole('alert')).toHaveText(message);
  await expect(rfq.submit).toBeDisabled();
  await expect(rfq.price(1, 1)).toBeDisabled();

  await page.unroute(/\/api\/rfqs\/[^/]+\/quote$/);
  await page.route(/\/api\/rfqs\/[^/]+\/quote$/, async (route) => {
    const answer = await route.fetch();
    await route.fulfill({ response: answer, json: { ...(await answer.json()), can_change: false } });
  });
  await page.reload();
  await expect(rfq.yourQuote.getByRole('alert')).toHaveText(message);
  await expect(rfq.submit).toBeDisabled();
  await expect(rfq.upload).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Withdraw quote' })).toHaveCount(0);
});

test("a supplier cannot read another supplier's quote through the API", async ({ page, playwright, baseURL }) => {
  const rfq = new SupplierRfqPage(page);
  const rfqId = await rfq.signInAndOpen(SUPPLIER.email, DEMO_RFQ);

  // The buyer knows every supplier's id; the supplier user does not.
  const buyer = await playwright.request.newContext({ baseURL });
  expect((await buyer.post('/api/auth/login', { data: { email: BUYER.email, password: DEMO_PASSWORD } })).status()).toBe(200);
  const suppliers: { id: string; name: string }[] = await (await buyer.get('/api/suppliers')).json();
  await buyer.dispose();
  const other = suppliers.find((s) => s.name === KESTREL.org);
  const own = suppliers.find((s) => s.name === SUPPLIER.org);
  expect(other && own).toBeTruthy();

  expect((await page.request.get(`/api/rfqs/${rfqId}/quotes/${other!.id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/rfqs/${rfqId}/quotes/${own!.id}`)).status()).toBe(200);
});

test('a supplier corrects how an unknown layout maps to fields; the next file in that layout maps itself', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(ORION.email, DEMO_RFQ);
  // Start from no learned mappings (a database used before may hold this one).
  const me = await (await page.request.get('/api/me')).json();
  const reset = await page.request.put('/api/mapping-memory', {
    data: { layouts: {} },
    headers: { 'x-csrf-token': me.csrf_token },
  });
  expect(reset.status()).toBe(200);
  await rfq.uploadFile('meridian_offer.csv');
  // Nothing recognised: the mapping opens with the file's own headers.
  const mapping = page.locator('details.mapping');
  await expect(mapping).toHaveAttribute('open', '');
  await expect(mapping).toContainText('columns not recognised');
  await expect(rfq.review.getByRole('row', { name: /^BRK-2208 / })).toHaveCount(0);

  await mapping.getByLabel('Column Item', { exact: true }).selectOption({ label: 'Part number' });
  await mapping.getByLabel('Column Rev', { exact: true }).selectOption({ label: 'Revision' });
  await mapping.getByLabel('Column Qty', { exact: true }).selectOption({ label: 'Quantity (or break quantity)' });
  await mapping.getByLabel('Column Our offer', { exact: true }).selectOption({ label: 'Unit price' });
  await mapping.getByLabel('Column Delivery', { exact: true }).selectOption({ label: 'Lead time' });
  await mapping.getByRole('button', { name: 'Read again with this mapping', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mapping remembered' })).toBeVisible();
  const brk = rfq.review.getByRole('row', { name: /^BRK-2208 / });
  await expect(brk).toContainText('0.64');
  await expect(brk).toContainText('28 days');

  await expect(page.getByRole('status').filter({ hasText: 'for your company, on every device' })).toBeVisible();

  // Signing out empties the device; the mapping is kept with the supplier on the server.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await rfq.signInAndOpen(ORION.email, DEMO_RFQ);
  // A later offer in the same layout: mapped from memory, without help.
  await rfq.uploadFile('meridian_offer_2.csv');
  await expect(page.locator('details.mapping')).toContainText('remembered mapping');
  await expect(rfq.review.getByRole('row', { name: /^HSG-1040 / })).toContainText('3.85');
  await rfq.useValues.click();
  await expect(rfq.price(3, 1)).toHaveValue('1.35');
});

test("a supplier corrects a column's meaning, sees the values change, submits; on another device the layout maps itself", async ({
  page,
  browser,
}) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(ORION.email, DEMO_RFQ);
  const me = await (await page.request.get('/api/me')).json();
  const reset = await page.request.put('/api/mapping-memory', {
    data: { layouts: {} },
    headers: { 'x-csrf-token': me.csrf_token },
  });
  expect(reset.status()).toBe(200);

  // A German offer: the reader knows every heading, but "Lieferzeit" holds bare numbers
  // (weeks), which it cannot give a unit, so no line gets a lead time.
  await rfq.uploadFile('orion_angebot.csv');
  const brk = rfq.review.getByRole('row', { name: /^BRK-2208 / });
  await expect(brk).toContainText('0.66');
  await expect(brk).not.toContainText('days');
  // What was left unread is said, on the line and among the findings; never "Findings (0)".
  await expect(brk).toContainText('Not read: Lead time');
  await expect(brk).toContainText('Unsure: check');
  const findings = rfq.review.locator('details.diagnostics');
  await expect(findings.locator('summary')).not.toHaveText('Findings (0)');
  await expect(findings).toContainText('Column “Lieferzeit”');
  await expect(findings).toContainText('Not found in the file: quote reference, validity');

  // The correction: the column counts weeks. Reading again applies it and shows what changed.
  const mapping = page.locator('details.mapping');
  await mapping.locator('summary').click();
  const lieferzeit = mapping.getByLabel('Column Lieferzeit', { exact: true });
  await expect(lieferzeit).toHaveValue('lead_time');
  await lieferzeit.selectOption({ label: 'Lead time in weeks' });
  await mapping.getByRole('button', { name: 'Read again with this mapping', exact: true }).click();
  const changed = page.getByRole('status', { name: 'Changed by reading again' });
  await expect(changed).toContainText('3 values changed');
  await expect(changed).toContainText('BRK-2208: lead time — → 28 days');
  await expect(changed).toContainText('HSG-1040: lead time — → 42 days');
  await expect(brk).toContainText('28 days');
  await expect(brk).not.toContainText('Not read');
  await expect(findings).not.toContainText('Lieferzeit');
  // The menu keeps the correction; the layout is now mapped from memory.
  await expect(mapping.getByLabel('Column Lieferzeit', { exact: true })).toHaveValue('lead_time_weeks');
  await expect(mapping).toContainText('remembered mapping');
  await expect(page.getByRole('status').filter({ hasText: 'for your company, on every device' })).toBeVisible();

  await rfq.useValues.click();
  await expect(rfq.price(1, 1)).toHaveValue('0.66');
  await expect(rfq.lineField(1, 'Lead time (days)')).toHaveValue('28');
  await expect(rfq.lineField(2, 'Lead time (days)')).toHaveValue('42');
  const put = await rfq.submitQuote();
  expect(put.status()).toBe(201);
  await expect(rfq.receiptHash).toHaveText(HEX64);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Another device: a new browser context, with nothing of the first one's storage.
  const device = await browser.newContext();
  try {
    const other = new SupplierRfqPage(await device.newPage());
    await other.signInAndOpen(ORION.email, DEMO_RFQ);
    await other.uploadFile('orion_angebot_2.csv');
    const otherMapping = other.page.locator('details.mapping');
    await expect(otherMapping).toContainText('remembered mapping');
    await expect(otherMapping.getByLabel('Column Lieferzeit', { exact: true })).toHaveValue('lead_time_weeks');
    await expect(other.review.getByRole('row', { name: /^BRK-2208 / })).toContainText('21 days');
    await expect(other.review.getByRole('row', { name: /^HSG-1040 / })).toContainText('35 days');
    await expect(other.review.locator('details.diagnostics')).not.toContainText('Lieferzeit');
    await other.useValues.click();
    await expect(other.lineField(3, 'Lead time (days)')).toHaveValue('28');
    await expect(other.price(3, 1)).toHaveValue('1.39');
  } finally {
    await device.close();
  }
});

test('a file that crashes the quote reader fails with a message, and the next file is read', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(KESTREL.email, DEMO_RFQ);
  // A PDF from the fuzzer that makes the PDF library panic: in wasm that aborts the
  // worker's instance. The page must say so and start a fresh worker for the next file.
  await rfq.fileInput.setInputFiles(path.join(__dirname, '..', '..', 'domain', 'testdata', 'regressions', 'pdf_font_missing_fuzz.pdf'));
  await expect(rfq.upload.getByRole('alert')).toContainText('The quote reader stopped while reading this file', {
    timeout: 20_000,
  });
  await expect(rfq.review).toHaveCount(0);
  await rfq.uploadFile('kestrel_quote.xlsx');
  await expect(rfq.review.getByRole('row', { name: /^BRK-2208 / })).toContainText('0.81');
});
