// The main pages as each persona sees them, online and offline, at phone, tablet and laptop
// sizes (issue 11): no page scrolls sideways and no control lies over another
// (`expectSoundLayout`, element boxes), and axe-core finds no serious or critical
// accessibility violation. Offline, each page is opened cold with no network after one
// online visit (the service worker's shell, the device's copies of the data).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BUYER_EMAIL, DEMO_RFQ, NORTHWIND, NORTHWIND_SALES, signIn, supplierId, syncStatus, waitForServiceWorker } from './offline-pages';
import { expectSoundLayout, VIEWPORTS } from './pages';

/** axe-core's serious and critical findings on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Opens `path`, waits for its `h1`, then checks layout at each size and axe once. */
async function checkPage(page: Page, path: string, heading: RegExp, mode: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  // Data loaded (no "Loading…" row left), so the boxes measured are the page's own.
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await expectSoundLayout(page, `${path} ${mode} at ${vp.width}×${vp.height}`);
    // axe once per page and mode, on the phone layout (where cards replace tables).
    if (vp.width === 390) {
      expect(await seriousViolations(page), `${path} ${mode} at ${vp.width} px: axe-core`).toEqual([]);
    }
  }
}

async function checkAll(context: BrowserContext, page: Page, pages: [string, RegExp][]) {
  for (const [path, heading] of pages) await checkPage(page, path, heading, 'online');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  try {
    for (const [path, heading] of pages) await checkPage(page, path, heading, 'offline');
    await expect(syncStatus(page)).toHaveText(/Offline/);
  } finally {
    await context.setOffline(false);
  }
}

async function demoRfqId(page: Page): Promise<string> {
  const list = (await (await page.request.get('/api/rfqs')).json()) as { id: string; number: string }[];
  const rfq = list.find((r) => r.number === DEMO_RFQ);
  if (!rfq) throw new Error(`no ${DEMO_RFQ}`);
  return rfq.id;
}

test('the buyer’s main pages hold their layout and pass axe-core at three sizes, online and offline', async ({ context, page }) => {
  test.setTimeout(180_000);
  await signIn(page, BUYER_EMAIL);
  const rfq = await demoRfqId(page);
  const supplier = await supplierId(page.request, NORTHWIND);
  await checkAll(context, page, [
    ['/', /^Bid desk$/],
    ['/rfqs', /^RFQs$/],
    [`/rfqs/${rfq}`, /Brackets and housings/],
    [`/rfqs/${rfq}/compare`, /^Compare bids$/],
    ['/parts', /^Parts$/],
    ['/suppliers', /^Suppliers$/],
    [`/suppliers/${supplier}`, /^Northwind Metal Works$/],
  ]);
});

test('the supplier’s main pages hold their layout and pass axe-core at three sizes, online and offline', async ({ context, page }) => {
  test.setTimeout(120_000);
  await signIn(page, NORTHWIND_SALES);
  const rfq = await demoRfqId(page);
  await checkAll(context, page, [
    ['/', /^Supplier portal$/],
    ['/rfqs', /^Invited RFQs$/],
    [`/rfqs/${rfq}`, /Brackets and housings/],
  ]);
});
