// Issue 5, RFQs offline: a pinned RFQ and its leveled comparison open with no network; a
// supplier's quote and a buyer's quote taken at a visit are kept on the device across
// closing the page and sync later exactly once; a conflict shows both versions; an
// offline submit that reaches the server after the deadline is refused, and says so.
import { expect, test } from '@playwright/test';
import {
  apiAs,
  BUYER_EMAIL,
  conflicts,
  fillQuote,
  makeAvailableOffline,
  NORTHWIND,
  NORTHWIND_SALES,
  KESTREL_QUOTES,
  openRfq,
  priceInput,
  quoteBody,
  shot,
  signIn,
  submitAs,
  syncNow,
  syncStatus,
  versionsOf,
  waitForServiceWorker,
} from './offline-pages';
import { ServerClock } from './pages';

const QUEUED = /saved on this device and will be sent when you are back online/;

test('a pinned RFQ, its responses and the leveled comparison open offline; a quote entered for a supplier syncs marked as the buyer\'s', async ({
  context,
  page,
  playwright,
  baseURL,
}) => {
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  const rfq = await openRfq(buyer, {
    title: `Offline comparison ${Date.now()}`,
    seconds: 86_400,
    suppliers: [NORTHWIND, 'Kestrel Plastics', 'Orion Stamping'],
  });
  await submitAs(await apiAs(playwright, baseURL, NORTHWIND_SALES), rfq.id, quoteBody(rfq.lineId, ['0.62', '0.55', '0.49']));
  await submitAs(await apiAs(playwright, baseURL, KESTREL_QUOTES), rfq.id, quoteBody(rfq.lineId, ['0.70', '0.52', '0.47']));

  await signIn(page, BUYER_EMAIL);
  await page.goto(`/rfqs/${rfq.id}`);
  await expect(page.getByRole('table', { name: 'Responses' })).toContainText(NORTHWIND);
  await makeAvailableOffline(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  // The comparison was never opened online: the pin fetched it.
  await page.goto(`/rfqs/${rfq.id}/compare`);
  const grid = page.getByRole('grid', { name: 'Leveled comparison' });
  await expect(grid).toBeVisible();
  await expect(grid).toContainText(NORTHWIND);
  await expect(grid).toContainText('Kestrel Plastics');
  await expect(page.getByRole('note', { name: 'Offline copy' })).toHaveText(/Offline copy from \d\d:\d\d/);
  await expect(syncStatus(page)).toHaveText(/Offline/);
  await shot(page, 'compare-offline');

  await page.goto(`/rfqs/${rfq.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Offline comparison');
  await expect(page.getByRole('table', { name: 'Responses' }).getByRole('row').filter({ hasText: NORTHWIND })).toContainText('responded');
  await expect(page.getByTestId('offline-pin-state')).toHaveText(/^Available offline · \d\d:\d\d$/);

  // At the visit, Orion gives its prices in person; no network.
  await page.getByText('Enter a quote for a supplier (visit)').click();
  await page.getByLabel('Supplier', { exact: true }).selectOption({ label: 'Orion Stamping' });
  await page.getByLabel('Unit price BRK-2208 at 500', { exact: true }).fill('0.66');
  await page.getByLabel('Unit price BRK-2208 at 2000', { exact: true }).fill('0.51');
  await page.getByLabel('Unit price BRK-2208 at 5000', { exact: true }).fill('0.45');
  await page.getByRole('button', { name: 'Save quote for supplier' }).click();
  await expect(page.getByText(/Quote for Orion Stamping saved on this device/)).toBeVisible();
  await expect(syncStatus(page)).toHaveText(/Offline · 1 pending/);

  // Close and reopen, still offline: the captured quote is still waiting on the device.
  await page.close();
  const again = await context.newPage();
  await again.goto(`/rfqs/${rfq.id}`);
  await expect(syncStatus(again)).toHaveText(/1 pending/);
  await again.getByText('Enter a quote for a supplier (visit)').click();
  await expect(again.getByRole('list', { name: 'Quotes entered on this device' })).toContainText(
    /Quote for Orion Stamping entered by you at \d\d:\d\d · not yet synced/,
  );

  await context.setOffline(false);
  await expect(syncStatus(again)).toHaveText(/^Online$/);
  await again.reload();
  const orion = again.getByRole('table', { name: 'Responses' }).getByRole('row').filter({ hasText: 'Orion Stamping' });
  await expect(orion).toContainText('responded');
  await expect(orion).toContainText('entered by buyer');
  await shot(again, 'entered-for-supplier-synced');

  const responses = await (await buyer.request.get(`/api/rfqs/${rfq.id}/quotes`)).json();
  const o = responses.responses.find((r: { supplier_name: string }) => r.supplier_name === 'Orion Stamping');
  expect(o.current.receipt.version).toBe(1);
  expect(o.current.entered_by_buyer).toBe(true);
  expect(o.current.quote.header.notes).toMatch(/^Entered by .+ \(buyer\) on behalf of Orion Stamping at a supplier visit/);
});

test('a quote made offline survives closing the page and reaches the server exactly once though the first answer is lost', async ({
  context,
  page,
  playwright,
  baseURL,
}) => {
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  const rfq = await openRfq(buyer, { title: `Offline quote ${Date.now()}`, seconds: 86_400, suppliers: [NORTHWIND] });
  const supplier = await apiAs(playwright, baseURL, NORTHWIND_SALES);

  await signIn(page, NORTHWIND_SALES);
  await page.goto(`/rfqs/${rfq.id}`);
  await expect(page.getByRole('heading', { name: 'Your quote', exact: true })).toBeVisible();
  await makeAvailableOffline(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await fillQuote(page, ['0.61', '0.54', '0.48']);
  await expect(page.getByText(/^Draft saved/)).toBeVisible();

  // Closed and reopened with no network: the draft is on the device.
  await page.close();
  let p = await context.newPage();
  await p.goto(`/rfqs/${rfq.id}`);
  await expect(priceInput(p, 1)).toHaveValue('0.61');
  await expect(priceInput(p, 3)).toHaveValue('0.48');
  await expect(p.getByRole('note', { name: 'Offline copy' })).toBeVisible();

  await p.getByRole('button', { name: 'Submit quote' }).click();
  await expect(p.getByRole('form', { name: 'Quote form' }).getByRole('status').filter({ hasText: QUEUED })).toBeVisible();
  await expect(syncStatus(p)).toHaveText(/Offline · 1 pending/);
  await shot(p, 'quote-queued');

  // Again closed and reopened offline: the queued submit and the draft are kept.
  await p.close();
  p = await context.newPage();
  await p.goto(`/rfqs/${rfq.id}`);
  await expect(syncStatus(p)).toHaveText(/1 pending/);
  await expect(priceInput(p, 2)).toHaveValue('0.54');
  const notice = p.getByRole('status', { name: 'Offline quote' });
  await expect(notice).toHaveText(/^Your quote made offline at \d\d:\d\d is waiting to be sent/);

  // Online again; the server applies the first sync but its answer never arrives.
  let dropped!: () => void;
  const droppedOnce = new Promise<void>((r) => (dropped = r));
  let first = true;
  await p.route('**/api/sync', async (route) => {
    if (!first) return route.continue();
    first = false;
    await route.fetch();
    await route.abort('connectionreset');
    dropped();
  });
  await context.setOffline(false);
  await droppedOnce;
  await expect(syncNow(p)).toBeEnabled();
  const retried = p.waitForResponse((r) => r.url().endsWith('/api/sync') && r.status() === 200);
  await syncNow(p).click();
  const answer = await (await retried).json();
  expect(answer.results.map((r: { status: string }) => r.status)).toEqual(['duplicate']);
  await expect(syncStatus(p)).toHaveText(/^Online$/);

  const versions = await versionsOf(supplier, rfq.id);
  expect(versions).toHaveLength(1);
  expect(versions[0].quote?.lines[0].breaks.map((b) => b.price)).toEqual(['0.61', '0.54', '0.48']);
  await expect(notice).toHaveText(/Your offline quote reached Bidwell/);
  await notice.getByRole('button', { name: 'Show its receipt' }).click();
  await expect(p.getByText('Submitted: version 1.')).toBeVisible();
  await expect(p.getByRole('region', { name: 'Bid receipt' })).toBeVisible();
  await expect(p.getByText(/^Draft saved/)).toHaveCount(0);
});

test('an offline resubmit answered with a conflict shows both versions, and "Keep mine" sends it on top of the server\'s', async ({
  context,
  page,
  playwright,
  baseURL,
}) => {
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  const rfq = await openRfq(buyer, { title: `Offline conflict ${Date.now()}`, seconds: 86_400, suppliers: [NORTHWIND] });
  const colleague = await apiAs(playwright, baseURL, NORTHWIND_SALES);
  await submitAs(colleague, rfq.id, quoteBody(rfq.lineId, ['0.70', '0.60', '0.50']));

  await signIn(page, NORTHWIND_SALES);
  await page.goto(`/rfqs/${rfq.id}`);
  await expect(page.getByText('Submitted: version 1.')).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await priceInput(page, 1).fill('0.58');
  await page.getByRole('button', { name: 'Resubmit quote' }).click();
  await expect(page.getByRole('form', { name: 'Quote form' }).getByRole('status').filter({ hasText: QUEUED })).toBeVisible();

  // Meanwhile a colleague resubmits from the office.
  await submitAs(colleague, rfq.id, quoteBody(rfq.lineId, ['0.69', '0.60', '0.50']));

  await context.setOffline(false);
  const panel = conflicts(page);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`Your quote for ${rfq.number} — changed on the server meanwhile`);
  await expect(panel.getByRole('heading', { name: 'Mine' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: "Server's" })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Mine' })).toContainText('Line 1: 500 @ 0.58 · 2000 @ 0.6 · 5000 @ 0.5');
  await expect(panel.getByRole('list', { name: "Server's" })).toContainText(/Version 2, received .+USD · FCA Chicago · Net 30Line 1: 500 @ 0.69 · 2000 @ 0.6 · 5000 @ 0.5/);
  await expect(syncStatus(page)).toHaveText(/1 to resolve/);
  await expect(page.getByRole('status', { name: 'Offline quote' })).toContainText('was not accepted as it was');
  await shot(page, 'quote-conflict');
  // Nothing was overwritten: the server still holds the colleague's version 2 on top.
  expect((await versionsOf(colleague, rfq.id)).map((v) => v.receipt.version)).toEqual([2, 1]);

  await panel.getByRole('button', { name: 'Keep mine' }).click();
  await expect(panel).toHaveCount(0);
  await expect(syncStatus(page)).toHaveText(/^Online$/);
  // Nothing waits any more: the "saved on this device" note is gone.
  await expect(page.getByRole('form', { name: 'Quote form' }).getByRole('status').filter({ hasText: QUEUED })).toHaveCount(0);
  const versions = await versionsOf(colleague, rfq.id);
  expect(versions.map((v) => v.receipt.version)).toEqual([3, 2, 1]);
  expect(versions[0].quote?.lines[0].breaks[0].price).toBe('0.58');
});

test('a quote submitted offline before the deadline but synced after it is refused with a clear message', async ({
  context,
  page,
  playwright,
  baseURL,
}) => {
  // The deadline passes when the test moves the server's clock past it (test mode).
  const clock = await ServerClock.signIn(playwright, baseURL);
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  const deadline = (await clock.now()) + 10 * 60_000;
  const rfq = await openRfq(buyer, { title: `Offline deadline ${Date.now()}`, deadline, suppliers: [NORTHWIND] });
  const supplier = await apiAs(playwright, baseURL, NORTHWIND_SALES);

  await signIn(page, NORTHWIND_SALES);
  await page.goto(`/rfqs/${rfq.id}`);
  await expect(page.getByRole('heading', { name: 'Your quote', exact: true })).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await fillQuote(page, ['0.61', '0.54', '0.48']);
  await page.getByRole('button', { name: 'Submit quote' }).click();
  await expect(page.getByRole('form', { name: 'Quote form' }).getByRole('status').filter({ hasText: QUEUED })).toBeVisible();
  expect(await clock.now()).toBeLessThan(deadline);
  await expect(syncStatus(page)).toHaveText(/Offline · 1 pending/);

  // Still offline when the deadline passes by the server's clock.
  await clock.passDeadline(deadline);
  await context.setOffline(false);
  const panel = conflicts(page);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`Your quote for ${rfq.number} — refused by the server`);
  await expect(panel.getByRole('alert')).toHaveText(
    /Not accepted: this change was made on your device at .+ but reached the server at .+, after the deadline \(the server's clock decides\)\. The deadline has passed/,
  );
  await expect(panel.getByRole('list', { name: 'Mine' })).toContainText('Line 1: 500 @ 0.61 · 2000 @ 0.54 · 5000 @ 0.48');
  await expect(syncStatus(page)).toHaveText(/1 to resolve/);
  await shot(page, 'quote-after-deadline');
  expect(await versionsOf(supplier, rfq.id)).toHaveLength(0);

  await panel.getByRole('button', { name: 'Discard mine' }).click();
  await expect(panel).toHaveCount(0);
});

test('signing out clears the pinned RFQ and every cached record from the device', async ({ page, playwright, baseURL }) => {
  const buyer = await apiAs(playwright, baseURL, BUYER_EMAIL);
  const rfq = await openRfq(buyer, { title: `Offline sign-out ${Date.now()}`, seconds: 86_400, suppliers: [NORTHWIND] });
  await signIn(page, NORTHWIND_SALES);
  await page.goto(`/rfqs/${rfq.id}`);
  await makeAvailableOffline(page);
  const count = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('bidwell');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['records', 'drafts', 'outbox'], 'readonly');
            let total = 0;
            let left = 3;
            for (const name of ['records', 'drafts', 'outbox']) {
              const r = tx.objectStore(name).count();
              r.onsuccess = () => {
                total += r.result;
                if (--left === 0) {
                  db.close();
                  resolve(total);
                }
              };
            }
          };
        }),
    );
  expect(await count()).toBeGreaterThan(3); // me, the RFQ, its quote, clarifications, the pin…
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(count).toBe(0);
});
