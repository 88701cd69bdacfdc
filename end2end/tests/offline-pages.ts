// Helpers for the offline tests (offline.spec.ts): sign in, wait for the service worker to
// control the page, the header's sync status (docs/contract.md, UI contract, "Offline").
import * as path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'bidwell-demo';
export const BUYER_EMAIL = 'buyer@acme.example';
export const DEMO_RFQ = 'RFQ-2026-0001';
export const NORTHWIND = 'Northwind Metal Works';

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Resolves once the service worker controls the page (the shell is then precached). */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller);
}

/** The header's "Online · 2 pending" status. */
export function syncStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync status' });
}

export function syncNow(page: Page): Locator {
  return page.getByRole('button', { name: 'Sync now' });
}

export async function supplierId(api: APIRequestContext, name: string): Promise<string> {
  const r = await api.get('/api/suppliers');
  expect(r.ok()).toBeTruthy();
  const list = (await r.json()) as { id: string; name: string }[];
  const s = list.find((x) => x.name === name);
  if (!s) throw new Error(`no supplier ${name}`);
  return s.id;
}

export async function shot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(__dirname, '..', 'artifacts', 'screenshots', `offline-${name}.png`),
    fullPage: true,
  });
}
