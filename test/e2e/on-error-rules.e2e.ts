import { expect, test } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';

test('edits an agent’s onError rules in the inspector table, validated live, in English and Chinese', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();

  for (const id of ['work', 'fix']) {
    await page.getByTestId('container-node-root').click();
    await page.getByTestId('palette-agent').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('inspector-node-id').fill(id);
    await page.getByTestId('inspector-node-id').press('Enter');
    await page.getByTestId('inspector-agent-load').fill('sim');
  }
  await page.getByTestId(`agent-node-work`).click();
  await expect(page.getByTestId('inspector-node-id')).toHaveValue('work');
  const rules = page.getByTestId('inspector-on-error');
  await expect(rules).toContainText('No rules');
  await page.getByTestId('inspector-on-error-add').click();
  await expect(page.getByTestId('inspector-on-error-code-0')).toHaveValue('*');
  await expect(page.getByTestId('inspector-on-error-retries-0')).toHaveValue('1');

  await page.getByTestId('inspector-on-error-action-0').selectOption('handler');
  await expect(page.getByTestId('inspector-on-error-handler-0')).toHaveValue('fix');
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems');

  await page.getByTestId('inspector-on-error-code-0').fill('');
  await expect(page.getByTestId('problems-list')).toContainText('Recovery rule cannot work');
  await expect(page.getByTestId('problems-list')).toContainText('the code pattern is empty');
  await page.getByTestId('inspector-on-error-code-0').fill('TIMEOUT');
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems');

  await page.getByTestId('inspector-on-error-add').click();
  await page.getByTestId('inspector-on-error-action-1').selectOption('escalate');
  await expect(page.getByTestId('inspector-on-error-retries-1')).toHaveCount(0);
  await page.getByTestId('inspector-on-error-remove-1').click();
  await expect(page.getByTestId('inspector-on-error-rule-1')).toHaveCount(0);

  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(rules.locator('legend')).toHaveText('失败处理');
  await expect(rules.getByRole('option', { name: '运行处理器' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('on-error-rules.png') });
});
