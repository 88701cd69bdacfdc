// The supplier portal a busy supplier can use (issue 11): the RFQ list says what the
// supplier still owes on each RFQ and the deadline in its own time zone; the RFQ page shows
// what is asked before the form; a submission with errors lands on the first one and says
// how many remain.
import { expect, test } from '@playwright/test';
import { apiAs, BUYER_EMAIL, fillQuote, NORTHWIND, NORTHWIND_SALES, openRfq, priceInput, signIn } from './offline-pages';
import { SupplierPortal } from './pages';

test('the portal lists what the supplier still owes on each RFQ, with the deadline in its own time zone', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  // 08:00 UTC is 17:00 in Tokyo, where this supplier works.
  const deadline = Date.UTC(new Date().getUTCFullYear() + 2, 0, 15, 8, 0);
  const rfq = await openRfq(buyer, { title: `What I owe ${Date.now()}`, deadline, suppliers: [NORTHWIND] });

  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });
  try {
    const page = await context.newPage();
    await signIn(page, NORTHWIND_SALES);
    const portal = new SupplierPortal(page);
    const row = portal.invited.getByRole('row').filter({ hasText: rfq.number });
    await expect(row).toContainText('Not started');
    await expect(row).toContainText(/05:00\sPM GMT\+9/);
    await expect(row).toContainText('your time');

    // The RFQ page shows what is asked before the form: volume, need date, drawing.
    await row.getByRole('link', { name: rfq.number }).click();
    const lines = page.getByRole('table', { name: 'Lines asked for' });
    await expect(lines).toBeVisible();
    await expect(lines.getByRole('row').nth(1)).toContainText('BRK-2208');
    await expect(lines.getByRole('row').nth(1)).toContainText('piece (H87)');

    // A price typed and left: a draft on this device, not sent.
    await priceInput(page, 1).fill('0.70');
    await expect(page.getByText(/^Draft saved/)).toBeVisible();
    await page.goto('/');
    await expect(row).toContainText('Draft on this device, not sent');

    // Submitted.
    await row.getByRole('link', { name: rfq.number }).click();
    await fillQuote(page, ['0.70', '0.62', '0.55']);
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/rfqs/${rfq.id}/quote`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Submit quote', exact: true }).click();
    expect((await put).status()).toBe(201);
    await page.goto('/');
    await expect(row).toContainText('Submitted');

    // The buyer amends the line: every bidder owes a reconfirmation.
    const detail = await (await buyer.request.get(`/api/rfqs/${rfq.id}`)).json();
    const line = detail.lines[0];
    const amended = await buyer.request.put(`/api/rfqs/${rfq.id}/lines`, {
      headers: { 'x-csrf-token': buyer.csrf },
      data: [{ id: line.id, part_id: line.part_id, revision: line.revision, quantities: ['1000', '5000'] }],
    });
    expect(amended.status(), await amended.text()).toBe(200);
    await page.reload();
    await expect(row).toContainText('Reconfirm needed');
  } finally {
    await context.close();
    await buyer.request.dispose();
  }
});

test('submitting with errors moves the focus to the first one and counts what remains', async ({ page, playwright, baseURL }) => {
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  const rfq = await openRfq(buyer, { title: `Focus on errors ${Date.now()}`, suppliers: [NORTHWIND] });
  await buyer.request.dispose();
  await signIn(page, NORTHWIND_SALES);
  await page.goto(`/rfqs/${rfq.id}`);
  await page.setViewportSize({ width: 390, height: 844 });

  await fillQuote(page, ['0.70', '0.62', '-1']);
  const netDays = page.getByLabel('Net days', { exact: true });
  await netDays.fill('400');
  const form = page.getByRole('form', { name: 'Quote form' });
  await page.getByRole('button', { name: 'Submit quote', exact: true }).click();
  // The first problem in the form has the focus, and is on screen on a phone.
  await expect(netDays).toBeFocused();
  await expect(netDays).toBeInViewport();
  await expect(form.getByRole('alert')).toHaveText(/^2 problems left to fix/);

  await netDays.fill('30');
  await expect(form.getByRole('alert')).toHaveText(/^1 problem left to fix/);
  await page.getByRole('button', { name: 'Submit quote', exact: true }).click();
  await expect(priceInput(page, 3)).toBeFocused();
  await expect(priceInput(page, 3)).toBeInViewport();
});
