import { defineConfig } from '@playwright/test';

// `cargo xtask test` starts the server on a free port with a fresh data directory and
// passes its address here. Against a running `cargo xtask serve`:
//   BASE_URL=http://127.0.0.1:8080 npx playwright test
const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error(
    'BASE_URL is not set. Run the suite with `cargo xtask test` (it starts the server), ' +
      'or point BASE_URL at a running server, e.g. BASE_URL=http://127.0.0.1:8080.',
  );
}

export default defineConfig({
  testDir: './tests',
  // Playwright wipes its output dir on each run; deliberate screenshots go to
  // artifacts/screenshots/ beside it and survive.
  outputDir: './artifacts/results',
  // Two cores shared with the server and the browser: one worker, tests in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Debian's Chromium; Playwright's own browser download cannot work on these machines.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
