import { expect, test } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';

test('adds a node of each kind from the palette; the inspector shows its kind and default timeout and retries, and takes an override', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();
  await expect(page.getByTestId('palette-kind-api_call')).toContainText('Default timeout 300 s, 3 retries');

  await page.getByTestId('palette-kind-api_call').click();
  await expect(page.getByTestId('inspector-kind')).toHaveValue('api_call');
  await expect(page.getByTestId('inspector-agent-load')).toHaveValue('http');
  await expect(page.getByTestId('inspector-timeout')).toHaveAttribute('placeholder', 'default 300 s');
  await expect(page.getByTestId('inspector-retry-max')).toHaveAttribute('placeholder', 'default 3');
  await page.getByTestId('inspector-timeout').fill('20');
  await page.getByTestId('inspector-retry-max').fill('0');
  await expect(page.getByTestId('inspector-timeout')).toHaveValue('20');
  await expect(page.getByTestId('inspector-retry-max')).toHaveValue('0');

  await page.getByTestId('container-node-root').click({ position: { x: 60, y: 12 } });
  await page.getByTestId('palette-kind-parallel').click();
  await expect(page.getByTestId('inspector-kind')).toHaveValue('parallel');
  await expect(page.getByTestId('inspector-timeout')).toHaveAttribute('placeholder', 'default 7200 s');

  await page.getByTestId('language-select').selectOption('zh-CN');
  for (const [kind, name] of [
    ['manual', '手动任务'],
    ['script', '脚本任务'],
    ['api_call', 'API 调用'],
    ['decision', '决策节点'],
    ['parallel', '并行执行'],
  ]) {
    await expect(page.getByTestId(`palette-kind-${kind}`)).toContainText(name!);
  }
  await page.getByTestId('language-select').selectOption('en');
});
