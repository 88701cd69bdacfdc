// The supplier: sees only the RFQs it is invited to, and none of the buyer's navigation;
// a new contact joins through an invitation link.
import { expect, test } from '@playwright/test';
import {
  BUYER,
  DEMO_RFQ,
  InvitePage,
  LoginPage,
  screenshotsAtEachViewport,
  SUPPLIER,
  SupplierPortal,
} from './pages';

test('the supplier lands on the portal with its invited RFQ and no buyer navigation (screenshots at three sizes)', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  expect((await login.signInAs(SUPPLIER.email)).status()).toBe(200);

  const portal = new SupplierPortal(page);
  await expect(portal.title).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(portal.invitedRfq(DEMO_RFQ).first()).toBeVisible();
  await expect(portal.header).toContainText(SUPPLIER.org);
  await expect(portal.anyLink('Parts')).toHaveCount(0);
  await expect(portal.anyLink('Suppliers')).toHaveCount(0);
  await screenshotsAtEachViewport(page, 'supplier-home', portal.invitedRfq(DEMO_RFQ).first());
});

test('a buyer invites a new contact, who accepts the link and lands in the supplier portal', async ({ browser }) => {
  // The buyer's side. The UI contract names no screen for creating invitations, so the
  // buyer signs in through the UI and then uses the HTTP API with that session.
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  const login = new LoginPage(buyerPage);
  await login.goto();
  expect((await login.signInAs(BUYER.email)).status()).toBe(200);
  const me = await (await buyerPage.request.get('/api/me')).json();
  const suppliers = await buyerPage.request.get(`/api/suppliers?q=${encodeURIComponent('Northwind')}`);
  expect(suppliers.status()).toBe(200);
  const northwind = (await suppliers.json()).find((s: { name: string }) => s.name === SUPPLIER.org);
  expect(northwind, `${SUPPLIER.org} among the suppliers`).toBeTruthy();

  const email = `new.contact.${Date.now()}@northwind.example`;
  const name = 'Nadia Newcontact';
  const created = await buyerPage.request.post('/api/invitations', {
    headers: { 'x-csrf-token': me.csrf_token },
    data: { supplier_id: northwind.id, email, name },
  });
  expect(created.status(), await created.text()).toBe(201);
  const invitation = await created.json();
  expect(invitation.path).toMatch(/^\/invite\//);
  await buyerContext.close();

  // The contact's side: a fresh browser with nothing but the link.
  const contactContext = await browser.newContext();
  const page = await contactContext.newPage();
  await page.goto(invitation.path);
  const invite = new InvitePage(page);
  await expect(page.getByText(SUPPLIER.org).first()).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
  await invite.yourName.fill(name);
  await invite.password.fill('a-long-enough-passphrase-42');
  await invite.repeatPassword.fill('a-long-enough-passphrase-42');
  const accepted = page.waitForResponse(
    (r) => r.url().includes('/accept') && r.request().method() === 'POST',
  );
  await invite.createAccount.click();
  expect((await accepted).status()).toBe(200);

  const portal = new SupplierPortal(page);
  await expect(portal.title).toBeVisible();
  await expect(portal.invitedRfq(DEMO_RFQ).first()).toBeVisible();
  await expect(portal.header).toContainText(name);
  await contactContext.close();
});
