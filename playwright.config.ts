import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright's own browser download cannot reach its host here).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  // A test that fails and then passes is reported as flaky (scripts/test.mjs prints how many),
  // not hidden: one retry keeps a loaded CI machine's timing hiccup from failing the run.
  retries: 1,
  // scripts/test.mjs names the JSON report; otherwise it goes beside the other results.
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    // A navigation that never comes (a refused form) fails the test instead of holding the run.
    navigationTimeout: 60_000,
    actionTimeout: 60_000,
  },
});
