// Page objects for the UI contract in docs/contract.md ("UI contract"). Role and label
// locators only: if one of these stops matching, either the app broke the contract or the
// contract changed — fix whichever is wrong, not the locator's cleverness.
import * as path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'bidwell-demo';

export const BUYER = { email: 'buyer@acme.example', name: 'Bea Buyer', org: 'Acme Industrial' };
export const APPROVER = { email: 'approver@acme.example', name: 'Avery Approver', org: 'Acme Industrial' };
export const SUPPLIER = {
  email: 'sales@northwind.example',
  org: 'Northwind Metal Works',
};
export const DEMO_RFQ = 'RFQ-2026-0001';

/** Viewports for the screenshots: phone, tablet, laptop. */
export const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 820, height: 1180 },
  { width: 1440, height: 900 },
];

/** Screenshots kept as artifacts (Playwright wipes its own output dir on every run). */
export async function screenshotsAtEachViewport(page: Page, name: string, ready: Locator) {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await expect(ready).toBeVisible();
    await page.screenshot({
      path: path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}-${vp.width}x${vp.height}.png`),
      fullPage: true,
    });
  }
}

/** `/login`. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly signIn: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    this.alert = page.getByRole('alert');
  }

  async goto() {
    await this.page.goto('/login');
    await expect(this.email).toBeVisible();
  }

  /** Fill the form and submit; waits for the server's answer, whatever it is. */
  async signInAs(email: string, password = DEMO_PASSWORD) {
    await this.email.fill(email);
    await this.password.fill(password);
    const answer = this.page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST',
    );
    await this.signIn.click();
    return answer;
  }
}

/** What every signed-in page has: the header with the user and "Sign out". */
export class Shell {
  readonly header: Locator;
  readonly heading: Locator;
  readonly signOut: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.heading = page.getByRole('heading', { level: 1 });
    this.signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    this.nav = page.getByRole('navigation');
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Any link with this name anywhere on the page (for "must not exist" checks). */
  anyLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }
}

/** `/` for buyers, approvers and admins. */
export class BidDesk extends Shell {
  readonly title: Locator;

  constructor(page: Page) {
    super(page);
    this.title = page.getByRole('heading', { level: 1, name: 'Bid desk' });
  }

  rfq(number: string): Locator {
    return this.page.getByRole('main').getByText(number);
  }
}

/** `/` for supplier users. */
export class SupplierPortal extends Shell {
  readonly title: Locator;
  /** The section headed "Invited RFQs" (whatever its heading level). */
  readonly invited: Locator;

  constructor(page: Page) {
    super(page);
    this.title = page.getByRole('heading', { level: 1, name: 'Supplier portal' });
    this.invited = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Invited RFQs', exact: true }) });
  }

  invitedRfq(number: string): Locator {
    return this.invited.getByText(number);
  }
}

/** `/invite/{token}`: a new supplier contact creates an account. */
export class InvitePage {
  readonly yourName: Locator;
  readonly password: Locator;
  readonly repeatPassword: Locator;
  readonly createAccount: Locator;

  constructor(readonly page: Page) {
    this.yourName = page.getByLabel('Your name', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.repeatPassword = page.getByLabel('Repeat password', { exact: true });
    this.createAccount = page.getByRole('button', { name: 'Create account', exact: true });
  }
}

/** `/suppliers/{id}`, as a buyer sees it, with the "Invite contact" region. */
export class SupplierDetailPage extends Shell {
  readonly invite: Locator;
  readonly contactName: Locator;
  readonly contactEmail: Locator;
  readonly createLink: Locator;
  readonly link: Locator;

  constructor(page: Page) {
    super(page);
    this.invite = page.getByRole('region', { name: 'Invite contact', exact: true });
    this.contactName = this.invite.getByLabel('Contact name', { exact: true });
    this.contactEmail = this.invite.getByLabel('Contact email', { exact: true });
    this.createLink = this.invite.getByRole('button', { name: 'Create invitation link', exact: true });
    this.link = this.invite.getByLabel('Invitation link (single use)', { exact: true });
  }

  /** From the bid desk: "Suppliers" in the navigation, then the supplier by name. */
  async open(supplierName: string) {
    await this.navLink('Suppliers').click();
    await this.page.getByRole('main').getByRole('link', { name: supplierName, exact: true }).click();
    await expect(this.heading).toHaveText(supplierName);
  }
}
