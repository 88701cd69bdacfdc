// Page objects for the UI contract in docs/contract.md ("UI contract"). Role and label
// locators only: if one of these stops matching, either the app broke the contract or the
// contract changed — fix whichever is wrong, not the locator's cleverness.
import * as path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

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

/**
 * What a screenshot cannot be trusted to show (issue 13), checked wherever one is taken:
 * the page does not scroll sideways (`scrollWidth <= innerWidth`; a wide table may scroll
 * inside its own box), and no visible control — link, button, field, summary — overlaps
 * another one (their boxes intersect by more than 1 px each way, neither inside the other),
 * measured scrolled to the top.
 */
export async function expectSoundLayout(page: Page, what: string) {
  const found = await page.evaluate(() => {
    // From the top, as the page opens: the sticky header lies over whatever is scrolled
    // under it, which is not an overlap of the layout.
    window.scrollTo(0, 0);
    const controls =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="tab"]';
    const boxes = [...document.querySelectorAll<HTMLElement>(controls)]
      .filter((e) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width >= 2 && r.height >= 2);
    const name = (e: HTMLElement) => {
      const label = e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || e.id || '';
      return `${e.tagName.toLowerCase()} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    };
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1) overlaps.push(`${name(a.e)} and ${name(b.e)} overlap by ${Math.round(w)}×${Math.round(h)} px`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, overlaps };
  });
  expect(found.scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(found.innerWidth);
  expect(found.overlaps, `${what}: controls overlap`).toEqual([]);
}

/** Screenshots kept as artifacts (Playwright wipes its own output dir on every run), each
 * size's layout checked first. */
export async function screenshotsAtEachViewport(page: Page, name: string, ready: Locator) {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await expect(ready).toBeVisible();
    await expectSoundLayout(page, `${name} at ${vp.width}×${vp.height}`);
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

export const ADMIN_EMAIL = 'admin@acme.example';

/**
 * The server's clock. `cargo xtask test e2e` starts the server in test mode
 * (`bidwell serve --test-clock`), so a test passes a deadline by moving the clock forward
 * (`POST /api/test/clock`, admin only) instead of waiting. The clock only moves forward
 * and is shared by every later test: set deadlines from `now()`, not from `Date.now()`,
 * and move it no further than needed (sessions last 12 hours).
 */
export class ServerClock {
  private constructor(
    private readonly api: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async signIn(
    playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } },
    baseURL: string | undefined,
  ): Promise<ServerClock> {
    const api = await playwright.request.newContext({ baseURL });
    const login = await api.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } });
    expect(login.status(), await login.text()).toBe(200);
    return new ServerClock(api, (await login.json()).csrf_token);
  }

  /** The server's time, unix milliseconds. */
  async now(): Promise<number> {
    const r = await this.api.get('/api/test/clock');
    expect(r.status(), `is the server in test mode (--test-clock)? ${await r.text()}`).toBe(200);
    return (await r.json()).now_ms;
  }

  /** Moves the server's clock forward to 1 s after `deadlineMs` (unix milliseconds). */
  async passDeadline(deadlineMs: number): Promise<void> {
    const r = await this.api.post('/api/test/clock', {
      data: { now: new Date(deadlineMs + 1_000).toISOString() },
      headers: { 'x-csrf-token': this.csrf },
    });
    expect(r.status(), await r.text()).toBe(200);
  }
}
