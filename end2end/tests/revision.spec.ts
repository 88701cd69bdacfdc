// Issue 11: an RFQ line defaults to the part's released revision; asking for an obsolete
// one needs the buyer's confirmation (the server refuses it without), and the RFQ shows
// it, to the buyer and to the invited supplier.
//
// BRK-2208 (seed): revision A obsolete, B released.
import { expect, test } from '@playwright/test';
import { NewRfqPage } from './buyer-pages';
import { BUYER, DEMO_PASSWORD, LoginPage, SUPPLIER } from './pages';

test('an obsolete revision needs a confirmation and the RFQ shows it', async ({ page, browser }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(BUYER.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bid desk' })).toBeVisible();

  const form = new NewRfqPage(page);
  await form.goto();
  await form.fillHeader('E2E obsolete revision');
  await form.fillLine(1, { part: 'BRK-2208', breaks: '500, 2000' });
  const revision = page.getByLabel('Revision, line 1', { exact: true });
  // The released revision by default, without a warning.
  await expect(revision).toHaveValue('B');
  await expect(page.locator('.revision-warning')).toHaveCount(0);

  await revision.selectOption('A');
  const warning = page.getByRole('alert').filter({ hasText: 'Revision A is obsolete' });
  await expect(warning).toContainText('Revision A is obsolete: a newer revision replaced it.');
  const confirm = page.getByLabel('Ask for revision A anyway, line 1', { exact: true });
  await expect(confirm).not.toBeChecked();
  // A confirmation is for one choice: choosing B and A again asks again.
  await confirm.check();
  await revision.selectOption('B');
  await expect(page.locator('.revision-warning')).toHaveCount(0);
  await revision.selectOption('A');
  await expect(page.getByLabel('Ask for revision A anyway, line 1', { exact: true })).not.toBeChecked();

  await form.invite(SUPPLIER.org);
  await form.deadlineIn(24 * 3600);
  // Not confirmed: refused on the line's revision, with the released one named.
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/rfqs') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Create RFQ', exact: true }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.locator('#lines-0--revision-error')).toContainText(
    'revision A is obsolete (the released revision is B); confirm to ask suppliers to quote it',
  );
  await expect(page).toHaveURL(/\/rfqs\/new$/);

  // Confirmed: created, and the RFQ says the line asks for an obsolete revision.
  await page.getByLabel('Ask for revision A anyway, line 1', { exact: true }).check();
  const rfqId = await form.create();
  const revisionCell = page.locator('section[aria-labelledby="lines-h"] td[data-label="Revision"]').first();
  await expect(revisionCell).toContainText('A');
  await expect(revisionCell.locator('.badge')).toHaveText('obsolete revision');
  const detail = await (await page.request.get(`/api/rfqs/${rfqId}`)).json();
  expect(detail.lines[0]).toMatchObject({ revision: 'A', revision_status: 'obsolete' });

  // Opened, the invited supplier sees the same before quoting.
  await page.getByRole('button', { name: 'Open RFQ', exact: true }).click();
  await expect(page.locator('.head-badges')).toContainText('open');
  const context = await browser.newContext();
  const supplier = await context.newPage();
  const slogin = new LoginPage(supplier);
  await slogin.goto();
  expect((await slogin.signInAs(SUPPLIER.email, DEMO_PASSWORD)).status()).toBe(200);
  await supplier.goto(`/rfqs/${rfqId}`);
  const theirs = supplier.locator('td[data-label="Revision"]').first();
  await expect(theirs).toContainText('A');
  await expect(theirs.locator('.badge')).toHaveText('obsolete revision');
  await context.close();
});
