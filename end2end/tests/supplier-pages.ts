// Page objects for the supplier's RFQ page (`/rfqs/{id}` as a supplier user): the quote
// form, "Your quote" with the bid receipt, and the upload review. Role and label locators
// only (the labels are listed in docs/contract.md, "UI contract").
import * as path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { LoginPage, SupplierPortal } from './pages';

export const KESTREL = { email: 'quotes@kestrel.example', org: 'Kestrel Plastics' };
export const ORION = { email: 'rep@orion.example', org: 'Orion Stamping' };

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export class SupplierRfqPage {
  readonly yourQuote: Locator;
  readonly receipt: Locator;
  readonly receiptHash: Locator;
  readonly versions: Locator;
  readonly submit: Locator;
  readonly draftSaved: Locator;
  readonly formAlert: Locator;
  readonly upload: Locator;
  readonly fileInput: Locator;
  readonly review: Locator;
  readonly useValues: Locator;

  constructor(readonly page: Page) {
    this.yourQuote = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Your quote', exact: true }) });
    this.receipt = page.getByRole('region', { name: 'Bid receipt' });
    this.receiptHash = this.receipt.getByLabel('Receipt hash');
    this.versions = page.getByRole('table', { name: 'Versions' });
    this.submit = page.getByRole('button', { name: /^(Submit|Resubmit) quote$/ });
    this.draftSaved = page.getByText(/^Draft saved/);
    this.formAlert = page.getByRole('form', { name: 'Quote form' }).getByRole('alert');
    this.upload = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Upload a quote file', exact: true }) });
    this.fileInput = page.getByLabel('Quote file', { exact: true });
    this.review = page.getByRole('region', { name: 'Extracted values' });
    this.useValues = page.getByRole('button', { name: 'Use these values', exact: true });
  }

  /** Signs in as `email` and opens `rfqNumber` from the supplier portal; returns the RFQ id. */
  async signInAndOpen(email: string, rfqNumber: string): Promise<string> {
    const login = new LoginPage(this.page);
    await login.goto();
    expect((await login.signInAs(email)).status()).toBe(200);
    const portal = new SupplierPortal(this.page);
    await portal.invitedRfq(rfqNumber).first().click();
    await expect(this.page.getByRole('heading', { name: 'Your quote', exact: true })).toBeVisible();
    return this.page.url().split('/rfqs/')[1];
  }

  /** The fieldset of RFQ line `n` (legend "Line n · PART rev R"). */
  line(n: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Line ${n} · `) });
  }

  quantity(n: number, brk: number): Locator {
    return this.line(n).getByLabel(`Quantity, break ${brk}`, { exact: true });
  }

  price(n: number, brk: number): Locator {
    return this.line(n).getByLabel(`Price, break ${brk}`, { exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  lineField(n: number, label: string): Locator {
    return this.line(n).getByLabel(label, { exact: true });
  }

  /** How many versions the server holds (0 before the first submission). */
  async versionCount(): Promise<number> {
    if ((await this.versions.count()) === 0) return 0;
    return this.versions.locator('tbody tr').count();
  }

  /** Presses "Submit quote" / "Resubmit quote" and waits for the PUT. */
  async submitQuote() {
    const answer = this.page.waitForResponse(
      (r) => /\/api\/rfqs\/[^/]+\/quote$/.test(r.url()) && r.request().method() === 'PUT',
    );
    await this.submit.click();
    return answer;
  }

  async uploadFile(name: string) {
    await this.fileInput.setInputFiles(path.join(FIXTURES, name));
    await expect(this.review).toBeVisible({ timeout: 20_000 });
  }
}
