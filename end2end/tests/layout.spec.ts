// The layout check every screenshot goes through (expectSoundLayout in pages.ts) must fail
// on the faults it is there for (issue 13): a page that scrolls sideways, and two controls
// drawn over each other. Shown on the sign-in page with the faults put in by hand.
import { expect, test } from '@playwright/test';
import { expectSoundLayout, LoginPage } from './pages';

test('the layout check catches sideways scrolling and overlapping controls', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expectSoundLayout(page, 'sign-in as built');

  // (Through the CSSOM: the page's policy refuses style tags.)
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('main')!.style.minWidth = '1800px';
  });
  await expect(expectSoundLayout(page, 'too wide')).rejects.toThrow(/too wide: the page scrolls sideways/);

  await page.evaluate(() => {
    document.querySelector<HTMLElement>('main')!.style.minWidth = '';
  });
  await expectSoundLayout(page, 'sign-in as built again');
  // The "Sign in" button drawn over the e-mail field.
  const field = (await login.email.boundingBox())!;
  await login.signIn.evaluate(
    (b, { x, y }) => Object.assign(b.style, { position: 'fixed', left: `${x}px`, top: `${y}px`, width: '120px' }),
    { x: field.x + 5, y: field.y + 2 },
  );
  await expect(expectSoundLayout(page, 'overlapping')).rejects.toThrow(/overlapping: controls overlap/);
});
