// Issue 5: the app opens, reads and captures with no network, and syncs later exactly once.
import { expect, test } from '@playwright/test';
import {
  BUYER_EMAIL,
  DEMO_RFQ,
  NORTHWIND,
  shot,
  signIn,
  supplierId,
  syncNow,
  syncStatus,
  waitForServiceWorker,
} from './offline-pages';

test('after one online visit the shell and the cached RFQ list open offline', async ({ context, page }) => {
  await signIn(page, BUYER_EMAIL);
  await page.getByRole('link', { name: 'RFQs', exact: true }).click();
  await expect(page.getByText(DEMO_RFQ).first()).toBeVisible();
  await expect(syncStatus(page)).toHaveText('Online');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(DEMO_RFQ).first()).toBeVisible();
  await expect(syncStatus(page)).toHaveText(/Offline/);
  await expect(page.getByRole('note', { name: 'Offline copy' })).toHaveText(/Offline copy from \d\d:\d\d/);
  await shot(page, 'rfq-list-offline');

  // Another client route opened cold with no network still gets the shell.
  await page.goto('/parts');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await context.setOffline(false);
});

test('a visit note taken offline survives closing the page and syncs exactly once though the first answer is lost', async ({
  context,
  page,
}) => {
  await signIn(page, BUYER_EMAIL);
  const sid = await supplierId(page.request, NORTHWIND);
  await page.goto(`/suppliers/${sid}`);
  await expect(page.getByRole('heading', { name: 'Visit notes' })).toBeVisible();
  await expect(page.getByText(/No visit notes yet|Loading notes/).or(page.getByRole('list', { name: 'Visit notes' }))).toBeVisible();
  await waitForServiceWorker(page);
  await expect(syncStatus(page)).toHaveText('Online');

  await context.setOffline(true);
  await expect(syncStatus(page)).toHaveText(/Offline/);
  const text = `Offline note ${Date.now()}: press line 3 runs 2 shifts`;
  await page.getByLabel('Visit note', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add visit note' }).click();
  const item = page.getByRole('listitem').filter({ hasText: text });
  await expect(item).toContainText('not yet synced');
  await expect(syncStatus(page)).toHaveText(/Offline · 1 pending/);
  await shot(page, 'visit-note-pending');

  // Close the page and reopen it, still offline: the note is on the device.
  await page.close();
  const again = await context.newPage();
  await again.goto(`/suppliers/${sid}`);
  const kept = again.getByRole('listitem').filter({ hasText: text });
  await expect(kept).toContainText('not yet synced');
  await expect(syncStatus(again)).toHaveText(/1 pending/);

  // Back online; the server applies the first sync but its answer never arrives.
  let dropped!: () => void;
  const droppedOnce = new Promise<void>((r) => (dropped = r));
  let first = true;
  await again.route('**/api/sync', async (route) => {
    if (!first) return route.continue();
    first = false;
    await route.fetch(); // the server receives and applies the ops…
    await route.abort('connectionreset'); // …and the device never hears back
    dropped();
  });
  await context.setOffline(false);
  await droppedOnce;
  await expect(syncNow(again)).toBeEnabled();
  const retried = again.waitForResponse((r) => r.url().endsWith('/api/sync') && r.status() === 200);
  await syncNow(again).click();
  const answer = await (await retried).json();
  expect(answer.results.map((r: { status: string }) => r.status)).toEqual(['duplicate']);
  await expect(syncStatus(again)).toHaveText(/^Online$/);
  await expect(kept).not.toContainText('not yet synced');
  await expect(kept).toBeVisible();
  await shot(again, 'visit-note-synced');

  const notes = await (await again.request.get(`/api/visit-notes?supplier_id=${sid}`)).json();
  expect(notes.filter((n: { text: string }) => n.text === text)).toHaveLength(1);
});
