// Someone who is not signed in: the sign-in page, a failed sign-in, unknown paths.
import { expect, test } from '@playwright/test';
import { APPROVER, LoginPage, screenshotsAtEachViewport } from './pages';

test('the sign-in page has the contract fields (screenshots at three sizes)', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.password).toBeVisible();
  await expect(login.signIn).toBeEnabled();
  await screenshotsAtEachViewport(page, 'sign-in', login.signIn);
});

test('a wrong password shows the server message in an alert and stays on /login', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const answer = await login.signInAs(APPROVER.email, 'not-the-password');
  expect(answer.status()).toBe(401);
  const body = await answer.json();
  expect(body.code).toBe('invalid_credentials');
  await expect(login.alert).toContainText(body.message);
  await expect(login.alert).toContainText('Email or password is wrong.');
  await expect(page).toHaveURL(/\/login$/);
});

test('an unknown path shows "Page not found"', async ({ page }) => {
  await page.goto('/no-such-page/anywhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
