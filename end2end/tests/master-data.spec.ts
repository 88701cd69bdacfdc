// The buyer's master data (issue 4), through the UI: parts with revisions, a drawing and a
// release; a BOM with the server's loop check shown on the row; an RFQ from the BOM;
// a supplier with a contact and an expired certificate that the list's filter finds;
// parts import (all or nothing, row errors named) and CSV export; re-quote from an old
// quote file (CSV, XLSX, PDF) with its unmatched line listed. Every record gets a per-run tag, so the
// spec also runs against a database that earlier runs filled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BUYER, LoginPage, screenshotsAtEachViewport } from './pages';

const tag = Date.now().toString(36).toUpperCase();
const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

async function signIn(page: Page) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(BUYER.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bid desk' })).toBeVisible();
}

function nav(page: Page, name: 'RFQs' | 'Parts' | 'Suppliers') {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

/** "New part" on the part list; lands on the new part's page. */
async function createPart(page: Page, number: string, name: string) {
  await nav(page, 'Parts').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Parts' })).toBeVisible();
  await page.getByRole('button', { name: 'New part', exact: true }).click();
  const form = page.getByRole('form', { name: 'New part' });
  await form.getByLabel('Number', { exact: true }).fill(number);
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Create part' }).click();
  await page.getByRole('status').getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('parts: revisions, drawing, release, BOM with loop check, RFQ from the BOM', async ({ page }) => {
  const asm = `ASM-${tag}`;
  const clip = `CLP-${tag}`;
  await signIn(page);
  await createPart(page, clip, 'Spring clip');
  await createPart(page, asm, 'Bracket assembly');

  // A second revision; it becomes the one worked on.
  await page.getByLabel('New revision label', { exact: true }).fill('B');
  await page.getByRole('button', { name: 'Add revision', exact: true }).click();
  const revisions = page.getByRole('table', { name: 'Revisions' });
  await expect(revisions.getByRole('row').filter({ hasText: 'Release rev B' })).toContainText('draft');
  await expect(page.getByRole('heading', { name: 'Files, rev B' })).toBeVisible();

  // A drawing on rev B: listed, and it downloads with its name.
  await page.getByLabel('Drawing or file', { exact: true }).setInputFiles({
    name: `${asm}-B.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% drawing of the bracket assembly\n'),
  });
  const files = page.getByRole('table', { name: 'Files' });
  const drawing = files.getByRole('link', { name: `${asm}-B.pdf` });
  await expect(drawing).toBeVisible();
  const download = page.waitForEvent('download');
  await drawing.click();
  expect((await download).suggestedFilename()).toBe(`${asm}-B.pdf`);

  // A second file, removed again.
  await page.getByLabel('Drawing or file', { exact: true }).setInputFiles({
    name: 'scratch-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not for suppliers'),
  });
  await expect(files.getByRole('link', { name: 'scratch-notes.txt' })).toBeVisible();
  await files.getByRole('button', { name: 'Delete scratch-notes.txt', exact: true }).click();
  await expect(files.getByRole('link', { name: 'scratch-notes.txt' })).toHaveCount(0);
  await expect(drawing).toBeVisible();

  // Release rev B: released today, no release button left for it.
  await page.getByRole('button', { name: 'Release rev B', exact: true }).click();
  const revB = revisions.getByRole('row').filter({ has: page.getByRole('button', { name: 'Work on rev B' }) });
  await expect(revB).toContainText('released');
  await expect(page.getByRole('button', { name: 'Release rev B' })).toHaveCount(0);

  // Buyer-internal reference prices of rev B.
  await page.getByText('Edit reference prices', { exact: true }).click();
  const costs = page.getByRole('form', { name: 'Reference prices' });
  await costs.getByLabel('Should-cost per unit', { exact: true }).fill('12.50');
  await costs.getByLabel('Last price per unit', { exact: true }).fill('13.1');
  await costs.getByLabel('Last price currency', { exact: true }).fill('usd');
  await costs.getByRole('button', { name: 'Save reference prices' }).click();
  await expect(costs.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByRole('definition').filter({ hasText: 'EUR 12.5' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /USD 13\.1 · .* · manual/ })).toBeVisible();

  // BOM of rev B: two clips per assembly.
  await page.getByRole('button', { name: 'Edit BOM', exact: true }).click();
  await page.getByRole('button', { name: 'Add child', exact: true }).click();
  await page.getByLabel('Child part, row 1', { exact: true }).selectOption({ label: `${clip} — Spring clip` });
  await page.getByLabel('Quantity, row 1', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Save BOM', exact: true }).click();
  const bom = page.getByRole('table', { name: 'BOM' });
  await expect(bom.getByRole('row').filter({ hasText: clip })).toContainText('2');
  await screenshotsAtEachViewport(page, 'part-detail', bom);

  // The clip cannot contain the assembly: the server's loop error sits on the row.
  const asmUrl = page.url();
  await bom.getByRole('link', { name: clip, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring clip' })).toBeVisible();
  // An RFQ from a BOM asks for each child's released revision: release the clip's A.
  await page.getByRole('button', { name: 'Release rev A', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Release rev A' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit BOM', exact: true }).click();
  await page.getByRole('button', { name: 'Add child', exact: true }).click();
  await page.getByLabel('Child part, row 1', { exact: true }).selectOption({ label: `${asm} — Bracket assembly` });
  await page.getByRole('button', { name: 'Save BOM', exact: true }).click();
  await expect(page.getByRole('group', { name: 'BOM row 1' }).getByRole('alert')).toContainText(
    'a BOM cannot contain itself',
  );

  // RFQ from the assembly's BOM: lands on the draft with the clip at 2 × builds.
  await page.goto(asmUrl);
  await page.getByRole('button', { name: 'Create RFQ from BOM', exact: true }).click();
  const fromBom = page.getByRole('form', { name: 'Create RFQ from BOM' });
  await fromBom.getByLabel('Build quantities', { exact: true }).fill('100, 500');
  await fromBom.getByRole('button', { name: 'Create draft RFQ' }).click();
  await expect(page).toHaveURL(/\/rfqs\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: `${asm} rev B BOM` })).toBeVisible();
  const line = page.getByRole('row').filter({ hasText: clip });
  await expect(line).toContainText('200');
  await expect(line).toContainText('1,000');
});

test('suppliers: edit, contact, expired certificate badge, list filters', async ({ page }) => {
  const name = `Zeta Forge ${tag}`;
  await signIn(page);
  await nav(page, 'Suppliers').click();
  await page.getByRole('button', { name: 'New supplier', exact: true }).click();
  const form = page.getByRole('form', { name: 'New supplier' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Country', { exact: true }).fill('PL');
  await form.getByLabel('Currency', { exact: true }).fill('PLN');
  await form.getByRole('button', { name: 'Create supplier' }).click();
  await page.getByRole('status').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Edit supplier', exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit supplier' });
  await edit.getByLabel('Categories', { exact: true }).fill('Forging, machining');
  await edit.getByLabel('Status', { exact: true }).selectOption('conditional');
  await edit.getByRole('button', { name: 'Save supplier' }).click();
  await expect(page.getByRole('list', { name: 'Categories' })).toContainText('forging');
  await expect(page.locator('.head-badges')).toContainText('conditional');

  await page.getByLabel('New contact name', { exact: true }).fill('Zofia Zeta');
  await page.getByLabel('New contact email', { exact: true }).fill(`zofia.${tag.toLowerCase()}@zeta.example`);
  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  const contacts = page.getByRole('table', { name: 'Contacts' });
  await expect(contacts).toContainText('Zofia Zeta');
  await page.getByRole('button', { name: 'Edit contact Zofia Zeta', exact: true }).click();
  await page.getByLabel("Contact's name", { exact: true }).fill('Zofia Nowak');
  await page.getByRole('button', { name: 'Save contact', exact: true }).click();
  await expect(contacts).toContainText('Zofia Nowak');
  await page.getByLabel('New contact name', { exact: true }).fill('Temp Desk');
  await page.getByLabel('New contact email', { exact: true }).fill(`temp.${tag.toLowerCase()}@zeta.example`);
  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await expect(contacts).toContainText('Temp Desk');
  await page.getByRole('button', { name: 'Remove contact Temp Desk', exact: true }).click();
  await expect(contacts).not.toContainText('Temp Desk');
  await expect(contacts).toContainText('Zofia Nowak');

  await page.getByLabel('Certificate', { exact: true }).fill('ISO 9001');
  await page.getByLabel('Certificate number', { exact: true }).fill(`Q-${tag}`);
  await page.getByLabel('Expires on', { exact: true }).fill('2024-03-31');
  await page.getByRole('button', { name: 'Add certificate', exact: true }).click();
  const cert = page.getByRole('table', { name: 'Certificates' }).getByRole('row').filter({ hasText: 'ISO 9001' });
  await expect(cert.locator('.badge-cert-expired')).toHaveText('expired');
  await screenshotsAtEachViewport(page, 'supplier-detail', cert);

  // The list: "Expired" certificates and the category find it; a demo supplier is not listed.
  await nav(page, 'Suppliers').click();
  const table = page.getByRole('table', { name: 'Suppliers' });
  await expect(table).toContainText('Northwind Metal Works');
  await page.getByLabel('Certificates', { exact: true }).selectOption('expired');
  await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(table).not.toContainText('Northwind Metal Works');
  await page.getByLabel('Certificates', { exact: true }).selectOption('');
  await page.getByLabel('Category', { exact: true }).fill('forging');
  await page.getByLabel('Supplier status', { exact: true }).selectOption('conditional');
  await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(table).not.toContainText('Northwind Metal Works');
});

test('parts import is all or nothing with row errors named; export downloads CSV', async ({ page }) => {
  await signIn(page);
  await nav(page, 'Parts').click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const bad = `Part number,Name,Unit\nIMP-${tag}-1,Washer M6,H87\nIMP ${tag} 2,Hex nut M6,H87\n`;
  await page.getByLabel('Import file', { exact: true }).setInputFiles({
    name: 'parts-bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad),
  });
  const errors = page.getByRole('alert', { name: 'Import errors' });
  await expect(errors).toContainText('Row 3, number');
  await expect(errors).toContainText('no spaces inside a part number');
  await expect(errors).toContainText('Nothing was imported');
  await page.getByRole('searchbox', { name: 'Search parts' }).fill(`IMP-${tag}`);
  await expect(page.getByText('No parts match.')).toBeVisible();

  const good = bad.replace(`IMP ${tag} 2`, `IMP-${tag}-2`);
  await page.getByLabel('Import file', { exact: true }).setInputFiles({
    name: 'parts-good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(good),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 parts' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Parts' });
  await expect(table.getByRole('link', { name: `IMP-${tag}-1` })).toBeVisible();
  await expect(table.getByRole('link', { name: `IMP-${tag}-2` })).toBeVisible();

  const partsDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV', exact: true }).click();
  const file = await partsDownload;
  expect(file.suggestedFilename()).toBe('parts.csv');
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('number');
  expect(csv).toContain(`IMP-${tag}-2,Hex nut M6`);

  // Suppliers import the same way.
  await nav(page, 'Suppliers').click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Import file', { exact: true }).setInputFiles({
    name: 'suppliers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `Supplier,Country,Currency,Status,Categories,Contact,Email\nImported Tools ${tag},SE,SEK,approved,tooling,Ida Berg,ida.${tag.toLowerCase()}@tools.example\n`,
    ),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 supplier from suppliers.csv' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Suppliers' }).getByRole('link', { name: `Imported Tools ${tag}` })).toBeVisible();
});

test('re-quote from old quote files (CSV, XLSX, PDF): a draft RFQ, each line with its place in the file, the unmatched line to resolve', async ({ page }) => {
  await signIn(page);
  await nav(page, 'RFQs').click();
  await page.getByRole('button', { name: 'Re-quote from file', exact: true }).click();
  const old = `Part number,Description,Qty,Unit price\nBRK-2208,Bracket,500,1.20\nZZZ-${tag},Mystery widget,100,3.00\n`;
  await page.getByLabel('Old quote or PO file', { exact: true }).setInputFiles({
    name: 'old-quote.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(old),
  });
  await expect(page.getByRole('table', { name: 'Matched lines', exact: true })).toContainText('BRK-2208');
  const unmatched = page.getByRole('table', { name: 'Unmatched lines', exact: true }).getByRole('row').filter({ hasText: `ZZZ-${tag}` });
  await expect(unmatched).toContainText('A3');
  await expect(unmatched.getByRole('link', { name: `Create part ZZZ-${tag}` })).toHaveAttribute(
    'href',
    `/parts?new=ZZZ-${tag}`,
  );

  // An XLSX quote and a PDF quote: each line's place in the file is shown.
  const matched = page.getByRole('table', { name: 'Matched lines', exact: true });
  await page.getByLabel('Old quote or PO file', { exact: true }).setInputFiles(fixture('kestrel_quote.xlsx'));
  await expect(matched.getByRole('row').filter({ hasText: 'HSG-1040' })).toContainText('Quote!A7');
  await expect(matched.getByRole('row').filter({ hasText: 'BRK-2208' })).toContainText('500 / 2,000 / 5,000');
  await page.getByLabel('Old quote or PO file', { exact: true }).setInputFiles(fixture('orion_quote.pdf'));
  await expect(matched.getByRole('row').filter({ hasText: 'SHF-0310' })).toContainText('page 1, line 8');
  await expect(page.getByRole('table', { name: 'Unmatched lines', exact: true })).toHaveCount(0);

  // The CSV again: resolve its unknown line by picking a catalogue part into the draft.
  await page.getByLabel('Old quote or PO file', { exact: true }).setInputFiles({
    name: 'old-quote.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(old),
  });
  const pick = page.getByRole('form', { name: `Pick a part for ZZZ-${tag} — Mystery widget` });
  await pick.getByLabel('Part', { exact: true }).selectOption({ label: 'SHF-0310 — Drive shaft' });
  await pick.getByLabel('Quantities', { exact: true }).fill('100, 250');
  await pick.getByRole('button', { name: /^Add to RFQ-/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added as line 2 (SHF-0310 rev A).' })).toBeVisible();
  await page.getByRole('status').getByRole('link', { name: /^Open draft RFQ-/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Re-quote of old-quote.csv' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'BRK-2208' })).toContainText('500');
  const picked = page.getByRole('row').filter({ hasText: 'SHF-0310' });
  await expect(picked).toContainText('100 / 250');
  await expect(picked).toContainText(`Re-quote: ZZZ-${tag} — Mystery widget`);
});
