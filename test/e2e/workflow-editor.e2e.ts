import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';

async function openEditor(page: Page): Promise<void> {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();
}

test('builds a workflow from the palette by keyboard, validating live, with undo and redo', async ({ page }, testInfo) => {
  await openEditor(page);
  await expect(page.getByTestId('problems-summary')).toHaveText('0 errors, 1 warning');

  await page.getByTestId('palette-container').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('container-node-container')).toBeVisible();
  await expect(page.getByTestId('inspector-node-id')).toHaveValue('container');

  // With the new container selected, a palette agent goes inside it.
  await page.getByTestId('palette-agent').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agent-node-agent')).toBeVisible();
  await expect(page.getByTestId('container-node-container')).toContainText('1 node');
  await expect(page.getByTestId('problems-list')).toContainText('Agent without an agent load');
  await expect(page.getByTestId('agent-node-agent').getByTestId('problem-badge')).toBeVisible();

  // The Engine's catalog reaches the validator: an http agent without url cannot run.
  await page.getByTestId('inspector-agent-load').fill('http');
  await expect(page.getByTestId('problems-list')).toContainText('Required config field missing');
  await expect(page.getByTestId('problems-list')).toContainText('node "agent" › agentConfig.url');
  await page.getByTestId('inspector-agent-load').fill('script');
  await expect(page.getByTestId('problems-list')).toContainText('Config alternatives not met');
  await page.getByTestId('inspector-agent-load').fill('sim');
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems');

  await page.getByTestId('palette').getByRole('heading').first().click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('problems-list')).toContainText('Agent without an agent load');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems');

  await page.getByTestId('problems-toggle').click();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('agent');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-node-id')).toHaveValue('agent');

  await page.screenshot({ path: testInfo.outputPath('workflow-editor.png') });
});

test('switches language and theme at run time and lists the shortcuts', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('toolbar-save')).toHaveText('保存');
  await expect(page.getByRole('heading', { name: '推演控制台' })).toBeVisible();
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('toolbar-save')).toHaveText('Save');

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByTestId('palette').getByRole('heading').first().click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('Ctrl+Shift+Z');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
});
