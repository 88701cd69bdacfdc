// The buyer: signs in to the bid desk, sees the demo RFQ, signs out.
import { expect, test } from '@playwright/test';
import { BidDesk, BUYER, DEMO_RFQ, LoginPage, screenshotsAtEachViewport } from './pages';

test.beforeEach(async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const answer = await login.signInAs(BUYER.email);
  expect(answer.status()).toBe(200);
});

test('the buyer lands on the bid desk with the demo RFQ (screenshots at three sizes)', async ({ page }) => {
  const desk = new BidDesk(page);
  await expect(desk.title).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(desk.rfq(DEMO_RFQ).first()).toBeVisible();
  for (const link of ['RFQs', 'Parts', 'Suppliers']) {
    await expect(desk.navLink(link)).toBeVisible();
  }
  await expect(desk.header).toContainText(BUYER.name);
  await expect(desk.header).toContainText(BUYER.org);
  await expect(desk.signOut).toBeVisible();
  await screenshotsAtEachViewport(page, 'buyer-home', desk.rfq(DEMO_RFQ).first());
});

test('signing out returns to /login and ends the session', async ({ page }) => {
  const desk = new BidDesk(page);
  await expect(desk.title).toBeVisible();
  const loggedOut = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/logout') && r.request().method() === 'POST',
  );
  await desk.signOut.click();
  expect((await loggedOut).status()).toBe(204);
  await expect(page).toHaveURL(/\/login$/);
  await expect(new LoginPage(page).signIn).toBeVisible();
  // The cookie is gone for good, not just hidden by the UI.
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
});
