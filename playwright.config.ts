import { defineConfig } from '@playwright/test';
import chromium from './test/e2e/chromium.json' with { type: 'json' };

/**
 * End-to-end tests drive the real UI in Debian's Chromium (never a downloaded browser)
 * against the headless host, which serves the built renderer and the ConsoleApi.
 * `npm run build` must have run first; `npm test` does that. The browser and its flags are in
 * test/e2e/chromium.json, shared with `npm run screenshots` (scripts/screenshots.mjs).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? chromium.executablePath,
      args: chromium.args,
    },
  },
});
