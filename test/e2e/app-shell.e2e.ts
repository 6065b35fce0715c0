import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/shared/security/content-security-policy';
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

test('the loaded page is under the one strict CSP: an injected inline script does not run', async ({ page }) => {
  const response = await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.getByText('wal')).toBeVisible();
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(META_CONTENT_SECURITY_POLICY);
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    return { ran: (window as unknown as { __injected?: boolean }).__injected === true, directive: await violation };
  });
  expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
});
