import { expect, test } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';

test('the window shows the app name and the store status over the headless host', async ({ page }, testInfo) => {
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByRole('heading', { name: 'Deduction Console' })).toBeVisible();
  await expect(page.getByText('wal')).toBeVisible();
  expect(page.url()).not.toContain(E2E_OPERATOR_TOKEN);
  await page.screenshot({ path: testInfo.outputPath('app-shell.png') });
});

test('without a token the window says the store is unavailable instead of hanging silently', async ({ page }) => {
  await page.goto(`${process.env['E2E_HOST_URL']}/`);
  await expect(page.getByRole('alert').filter({ hasText: /unauthorized|token/i }).first()).toBeVisible();
});
