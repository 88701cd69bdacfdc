// The supplier: sees only the RFQs it is invited to, and none of the buyer's navigation;
// a new contact joins through an invitation link.
import { expect, test } from '@playwright/test';
import {
  BidDesk,
  BUYER,
  DEMO_RFQ,
  InvitePage,
  LoginPage,
  screenshotsAtEachViewport,
  SUPPLIER,
  SupplierDetailPage,
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
  const email = `new.contact.${Date.now()}@northwind.example`;
  const name = 'Nadia Newcontact';
  const passphrase = 'a-long-enough-passphrase-42';

  // The buyer creates a single-use link on the supplier's page.
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  const login = new LoginPage(buyerPage);
  await login.goto();
  expect((await login.signInAs(BUYER.email)).status()).toBe(200);
  await expect(new BidDesk(buyerPage).title).toBeVisible();
  const supplier = new SupplierDetailPage(buyerPage);
  await supplier.open(SUPPLIER.org);
  await supplier.contactName.fill(name);
  await supplier.contactEmail.fill(email);
  const created = buyerPage.waitForResponse(
    (r) => r.url().endsWith('/api/invitations') && r.request().method() === 'POST',
  );
  await supplier.createLink.click();
  expect((await created).status()).toBe(201);
  await expect(supplier.link).toHaveValue(/\/invite\/.+/);
  const link = await supplier.link.inputValue();
  await buyerContext.close();

  // The contact: a fresh browser with nothing but the link.
  const contactContext = await browser.newContext();
  const page = await contactContext.newPage();
  await page.goto(link);
  const invite = new InvitePage(page);
  await expect(page.getByText(SUPPLIER.org).first()).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
  await invite.yourName.fill(name);
  await invite.password.fill(passphrase);
  await invite.repeatPassword.fill(passphrase);
  const accepted = page.waitForResponse(
    (r) => /\/api\/invitations\/[^/]+\/accept$/.test(r.url()) && r.request().method() === 'POST',
  );
  await invite.createAccount.click();
  // 201: a new account was created (docs/contract.md).
  expect((await accepted).status()).toBe(201);

  const portal = new SupplierPortal(page);
  await expect(portal.title).toBeVisible();
  await expect(portal.invitedRfq(DEMO_RFQ).first()).toBeVisible();
  await expect(portal.header).toContainText(name);
  await contactContext.close();
});
