// A page built for another version of the HTTP contract than the server runs (a deploy
// while the tab was open, or an old cached shell): it says so, keeps reading, and sends
// no change until it is reloaded — so an old app never writes through a new API.
import { expect, test } from '@playwright/test';
import { DEMO_RFQ, SUPPLIER } from './pages';
import { SupplierRfqPage } from './supplier-pages';

test('a page older than the server asks for a reload and sends no change until then', async ({ page }) => {
  const rfq = new SupplierRfqPage(page);
  await rfq.signInAndOpen(SUPPLIER.email, DEMO_RFQ);
  await expect(page.locator('#api-update')).toHaveCount(0);

  // From now on the server answers as a newer build would.
  await page.route('**/api/**', async (route) => {
    const answer = await route.fetch();
    await route.fulfill({ response: answer, headers: { ...answer.headers(), 'x-bidwell-api': 'ffffffffffffffff' } });
  });
  let posts = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/clarifications') && r.method() === 'POST') posts += 1;
  });
  await page.getByRole('button', { name: 'Sync now', exact: true }).click();
  const bar = page.getByRole('alert').filter({ hasText: 'Bidwell was updated' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Reload', exact: true })).toBeVisible();

  // Reading still works; a change is refused here, before it reaches the server.
  await page.getByLabel('Your question', { exact: true }).fill('Is the drawing rev B final?');
  await page.getByRole('button', { name: 'Ask a question', exact: true }).click();
  await expect(page.getByText('Reload the page to continue').first()).toBeVisible();
  expect(posts).toBe(0);

  // After the reload against a server of its own version, the page works again.
  await page.unroute('**/api/**');
  await bar.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your quote', exact: true })).toBeVisible();
  await expect(page.locator('#api-update')).toHaveCount(0);
});
