// Page objects for the buyer side of the sourcing flow (docs/contract.md, "UI contract":
// `/rfqs/new`, `/rfqs/{id}` for internal users, `/rfqs/{id}/compare`). Role and label
// locators, plus the grid cells' ids (`cell-{row}-{column}`), which the keyboard
// model of the grid relies on anyway.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './pages';

export const DEMO_SUPPLIERS = [
  { email: 'sales@northwind.example', name: 'Northwind Metal Works' },
  { email: 'quotes@kestrel.example', name: 'Kestrel Plastics' },
  { email: 'rep@orion.example', name: 'Orion Stamping' },
];

/** A line of the new-RFQ form. */
export interface LineInput {
  part: string; // part number, e.g. BRK-2208
  revision?: string;
  /** Confirms a draft or obsolete revision ("Ask for revision X anyway"). */
  confirmRevision?: boolean;
  breaks: string; // "500, 2000, 5000"
  annualVolume?: string;
}

/** `/rfqs/new`. */
export class NewRfqPage {
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'New RFQ' });
  }

  async goto() {
    await this.page.goto('/rfqs/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'New RFQ' })).toBeVisible();
    await expect(this.page.getByLabel('Part, line 1', { exact: true })).toBeVisible();
  }

  async fillHeader(title: string, currency = 'USD') {
    await this.page.getByLabel('Title', { exact: true }).fill(title);
    await this.page.getByLabel('Base currency', { exact: true }).fill(currency);
    await this.page.getByLabel('Incoterm place', { exact: true }).fill('Chicago');
    await this.page.getByLabel('Payment terms', { exact: true }).fill('');
  }

  async fillLine(n: number, line: LineInput) {
    if (n > 1) await this.page.getByRole('button', { name: 'Add line', exact: true }).click();
    await this.page.getByLabel(`Find part, line ${n}`, { exact: true }).fill(line.part);
    const part = this.page.getByLabel(`Part, line ${n}`, { exact: true });
    const option = part.locator('option', { hasText: line.part });
    await part.selectOption(await option.first().getAttribute('value') ?? '');
    if (line.revision) {
      await this.page.getByLabel(`Revision, line ${n}`, { exact: true }).selectOption(line.revision);
      if (line.confirmRevision) {
        await this.page.getByLabel(`Ask for revision ${line.revision} anyway, line ${n}`, { exact: true }).check();
      }
    }
    await this.page.getByLabel(`Quantity breaks, line ${n}`, { exact: true }).fill(line.breaks);
    if (line.annualVolume) {
      await this.page.getByLabel(`Annual volume, line ${n}`, { exact: true }).fill(line.annualVolume);
    }
  }

  async invite(name: string) {
    await this.page.getByLabel(name, { exact: true }).check();
  }

  /** Sets the deadline `seconds` from now (this machine's clock). */
  async deadlineIn(seconds: number) {
    await this.deadlineAt(Date.now() + seconds * 1000);
  }

  /** Sets the deadline to `ms` (unix milliseconds), typed in the browser's own time zone. */
  async deadlineAt(ms: number) {
    const local = await this.page.evaluate((at) => {
      const d = new Date(at);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    }, ms);
    await this.page.getByLabel('Deadline', { exact: true }).fill(local);
  }

  /** Submits; answers the new RFQ's id once the app is on its page. */
  async create(): Promise<string> {
    const answer = this.page.waitForResponse(
      (r) => r.url().endsWith('/api/rfqs') && r.request().method() === 'POST',
    );
    await this.page.getByRole('button', { name: 'Create RFQ', exact: true }).click();
    const r = await answer;
    expect(r.status(), await r.text()).toBe(201);
    const id = (await r.json()).id as string;
    await expect(this.page).toHaveURL(new RegExp(`/rfqs/${id}$`));
    return id;
  }
}

/** `/rfqs/{id}` for the buying team. */
export class BuyerRfqPage {
  readonly responses: Locator;
  readonly compareLink: Locator;
  constructor(readonly page: Page) {
    this.responses = page.getByRole('table', { name: 'Responses' });
    this.compareLink = page.getByRole('link', { name: 'Compare bids', exact: true });
  }
  responseRow(supplier: string): Locator {
    return this.responses.getByRole('row').filter({ hasText: supplier });
  }
  async open() {
    await this.page.getByRole('button', { name: 'Open RFQ', exact: true }).click();
    await expect(this.page.locator('.head-badges')).toContainText('open');
  }
}

/** `/rfqs/{id}/compare`. */
export class ComparePage {
  readonly grid: Locator;
  readonly sealed: Locator;
  readonly breakdown: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Leveled comparison' });
    this.sealed = page.locator('.sealed-message');
    this.breakdown = page.getByRole('region', { name: 'Cost breakdown' });
  }
  /** Row = line × break in order (line 1 breaks first); column = supplier, by name. */
  cell(row: number, column: number): Locator {
    return this.page.locator(`#cell-${row}-${column}`);
  }
  landed(row: number, column: number): Locator {
    return this.cell(row, column).locator('.landed');
  }
  delta(row: number, column: number): Locator {
    return this.cell(row, column).locator('.delta');
  }
  /** Unfolds "Settings" (folded by default so the grid is above the fold). */
  async openSettings() {
    const settings = this.page.locator('details.settings').filter({ has: this.page.locator('summary', { hasText: /^Settings/ }) });
    if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
    await expect(settings).toHaveAttribute('open', '');
  }
}

/** Signs in as a supplier through the API and submits its quote; answers the receipt. */
export async function submitQuoteAs(
  request: APIRequestContext,
  email: string,
  rfqId: string,
  quote: unknown,
) {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const csrf = (await login.json()).csrf_token as string;
  const r = await request.put(`/api/rfqs/${rfqId}/quote`, {
    data: quote,
    headers: { 'x-csrf-token': csrf },
  });
  expect(r.status(), await r.text()).toBe(201);
  return r.json();
}

/** A USD quote, FCA Chicago, paid on receipt, freight included; `lines` as the API wants. */
export function usdQuote(lines: unknown[]) {
  return {
    header: {
      currency: 'USD',
      valid_until: '2030-06-30',
      incoterm: 'FCA',
      incoterm_place: 'Chicago',
      payment_terms: {
        text: 'Net 0',
        net_days: 0,
        discount_pct: null,
        discount_days: null,
        basis: 'invoice_date',
        deposit_pct: null,
        method: null,
      },
      freight: { kind: 'included' },
      reference: '',
    },
    lines,
  };
}

/** One priced line with breaks 500 / 2000 / 5000. */
export function pricedLine(rfqLineId: string, prices: [string, string, string], tooling?: string) {
  return {
    rfq_line_id: rfqLineId,
    breaks: [
      { min_qty: '500', price: prices[0] },
      { min_qty: '2000', price: prices[1] },
      { min_qty: '5000', price: prices[2] },
    ],
    price_basis_qty: '1',
    lead_time_days: 30,
    tooling: tooling ? [{ description: 'Die', amount: tooling }] : [],
  };
}

export function noBidLine(rfqLineId: string, reason: string) {
  return { rfq_line_id: rfqLineId, breaks: [], price_basis_qty: '1', no_bid: true, no_bid_reason: reason };
}
