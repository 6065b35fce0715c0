import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { E2E_OPERATOR_TOKEN, E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

// The e2e host's database is shared by every test of the run: names carry a suffix of their own.
const suffix = randomBytes(3).toString('hex');

test('the environments screen lists, creates, edits and archives environments and schemes', async ({ page }, testInfo) => {
  await callHost('createEnvironment', {
    name: `range-${suffix}`,
    description: 'two Engines, weighted',
    strategy: 'weighted',
    engines: [
      { name: 'north', url: 'ws://10.0.0.1:7300', token: 'north-token-0123', weight: 3 },
      { name: 'south', url: 'ws://10.0.0.2:7300', token: 'south-token-0123', weight: 1 },
    ],
  });
  await callHost('createScheme', { name: `spring-${suffix}`, description: 'spring exercise' });

  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-environments').click();
  await expect(page).toHaveURL(/#\/environments$/);
  const environment = page.getByTestId('environment-row').filter({ hasText: `range-${suffix}` });
  await expect(environment).toContainText('ws://10.0.0.1:7300');
  await expect(environment).toContainText('×3');
  await expect(page.getByTestId('environments-screen')).not.toContainText('north-token');

  // A new environment through the dialog; its token is never shown again.
  await page.getByTestId('environment-create').click();
  const dialog = page.getByTestId('environment-dialog');
  await dialog.getByTestId('environment-name').fill(`lab-${suffix}`);
  await dialog.getByTestId('engine-url').fill('ws://127.0.0.1:7301');
  await dialog.getByTestId('engine-token').fill('lab-token-0123');
  await dialog.getByTestId('environment-save').click();
  await expect(dialog).toBeHidden();
  const lab = page.getByTestId('environment-row').filter({ hasText: `lab-${suffix}` });
  await expect(lab).toContainText('Round robin');

  // A name that is taken is refused with the reason, in the dialog.
  await page.getByTestId('scheme-create').click();
  const schemeDialog = page.getByTestId('scheme-dialog');
  await schemeDialog.getByTestId('scheme-name').fill(`spring-${suffix}`);
  await schemeDialog.getByTestId('scheme-save').click();
  await expect(schemeDialog.getByRole('alert')).toHaveText(`A scheme named "spring-${suffix}" already exists; scheme names are unique`);
  await schemeDialog.getByTestId('scheme-name').fill(`autumn-${suffix}`);
  await schemeDialog.getByTestId('scheme-save').click();
  await expect(schemeDialog).toBeHidden();
  await expect(page.getByTestId('scheme-row').filter({ hasText: `autumn-${suffix}` })).toHaveAttribute('data-status', 'active');

  // Edit: the strategy changes, the stored token stays (the placeholder is sent back).
  await lab.getByTestId('environment-edit').click();
  await page.getByTestId('environment-dialog').getByTestId('environment-strategy').selectOption('least_connections');
  await expect(page.getByTestId('environment-dialog').getByTestId('engine-token')).toHaveValue('********');
  await page.screenshot({ path: testInfo.outputPath('environment-dialog.png') });
  await page.getByTestId('environment-dialog').getByTestId('environment-save').click();
  await expect(lab).toContainText('Least connections');

  await page.screenshot({ path: testInfo.outputPath('environments.png'), fullPage: true });

  // Archive: gone from the list, back with "show archived", and restorable.
  await lab.getByTestId('environment-archive').click();
  await page.getByTestId('confirm-accept').click();
  await expect(lab).toHaveCount(0);
  await page.getByTestId('catalog-show-archived').check();
  await expect(lab).toHaveAttribute('data-status', 'disabled');
  await lab.getByTestId('environment-restore').click();
  await expect(lab).toHaveAttribute('data-status', 'active');
});

test('a viewer sees the environments and schemes but no control to change them', async ({ page }, testInfo) => {
  await callHost('createScheme', { name: `viewed-${suffix}` });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_VIEWER_TOKEN}`);
  await page.getByTestId('nav-environments').click();
  await expect(page.getByTestId('scheme-row').filter({ hasText: `viewed-${suffix}` })).toBeVisible();
  await expect(page.getByTestId('scheme-create')).toHaveCount(0);
  await expect(page.getByTestId('environment-create')).toHaveCount(0);
  await expect(page.getByTestId('scheme-edit')).toHaveCount(0);
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '环境与方案' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('environments-zh.png') });
});
