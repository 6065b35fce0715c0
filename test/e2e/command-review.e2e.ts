import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';

/** A shared file of the kind finding 1 of issue 16 was about: it names programs to run. */
const WORKFLOW = {
  name: 'Shared drill',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['scan', 'prepare', 'tally', 'notify', 'wait'], containerName: 'Root' },
    { nodeId: 'scan', nodeType: 'agent', parentId: 'root', name: 'Scan the range', agentLoad: 'script', agentConfig: { command: 'nmap', args: ['-sV', '10.0.0.0/24; rm -rf ~'], env: { NODE_OPTIONS: '--require=/tmp/x.js' } } },
    { nodeId: 'prepare', nodeType: 'agent', parentId: 'root', name: 'Prepare', agentLoad: 'script', agentConfig: { script: 'set -e\nfor f in *.log; do\n  gzip "$f" # keep space\ndone && echo ok', interpreter: 'bash' }, dependencies: [{ sourceNodeId: 'scan' }] },
    { nodeId: 'tally', nodeType: 'agent', parentId: 'root', name: 'Tally', agentLoad: 'script', agentConfig: { script: 'import sys\nprint(sum(range(10)))', interpreter: 'python3', docker: { image: 'python:3.12-slim' } }, dependencies: [{ sourceNodeId: 'prepare' }] },
    { nodeId: 'notify', nodeType: 'agent', parentId: 'root', name: 'Notify', agentLoad: 'http', agentConfig: { method: 'POST', url: 'https://hooks.example.test/drill' }, dependencies: [{ sourceNodeId: 'tally' }] },
    { nodeId: 'wait', nodeType: 'agent', parentId: 'root', name: 'Wait', agentLoad: 'sim', agentConfig: { durationMs: 10 } },
  ],
};

async function openEditor(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.addInitScript((lang) => {
    localStorage.setItem('deduction-console-language', lang);
    localStorage.setItem('deduction-console-theme', 'light');
  }, language);
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();
  // The catalog tells which agents run commands; wait until the palette shows it.
  await expect(page.getByTestId('palette')).toContainText(language === 'en' ? 'Command or script' : '命令或脚本');
}

async function importWorkflow(page: Page): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name: 'shared-drill.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(WORKFLOW)) });
}

test('a workflow imported from a file lists what it would run, and cannot be saved or started until the operator has reviewed it', async ({ page }, testInfo) => {
  await openEditor(page, 'en');
  await expect(page.getByTestId('toolbar-start')).toBeEnabled();
  await importWorkflow(page);

  const review = page.getByTestId('command-review');
  await expect(review).toBeVisible();
  await expect(review).toContainText('This workflow runs commands');
  await expect(review.getByTestId('review-node')).toHaveCount(4);
  const scan = review.locator('[data-node-id="scan"]');
  await expect(scan).toContainText('Scan the range');
  await expect(scan.getByTestId('review-argv').locator('li')).toHaveText(['nmap', '-sV', '10.0.0.0/24; rm -rf ~']);
  await expect(scan).toContainText('NODE_OPTIONS=--require=/tmp/x.js');
  await expect(review.locator('[data-node-id="prepare"]').getByTestId('review-script')).toContainText('gzip "$f" # keep space');
  await expect(review.locator('[data-node-id="prepare"]').locator('.shell-keyword').first()).toHaveText('for');
  await expect(review.locator('[data-node-id="tally"]')).toContainText('with python3');
  await expect(review.locator('[data-node-id="tally"]')).toContainText('python:3.12-slim');
  await expect(review.locator('[data-node-id="notify"]').getByTestId('review-http')).toHaveText('POST https://hooks.example.test/drill');
  await expect(review.locator('[data-node-id="wait"]')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('command-review-en.png') });

  await review.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByTestId('review-banner')).toContainText('4 nodes');
  await expect(page.getByTestId('toolbar-start')).toBeDisabled();
  await expect(page.getByTestId('toolbar-start')).toHaveAttribute('title', /Review the commands of 4 nodes first/);
  // Saved, it would become a template of this console, which opens without a review.
  await expect(page.getByTestId('toolbar-save')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('command-review-banner-en.png') });

  await page.getByTestId('review-open').click();
  await expect(review.getByTestId('review-confirm')).toBeDisabled();
  await review.getByTestId('review-read').check();
  await review.getByTestId('review-confirm').click();
  await expect(review).toBeHidden();
  await expect(page.getByTestId('review-banner')).toBeHidden();
  await expect(page.getByTestId('toolbar-start')).toBeEnabled();
  await expect(page.getByTestId('toolbar-save')).toBeEnabled();

  // Editing a command after the review owes a review of that node again, and only of it.
  await page.getByTestId('agent-node-scan').click();
  await page.getByTestId('inspector-agent-config').fill(JSON.stringify({ command: 'nmap', args: ['-sV', '10.0.0.0/16'] }));
  await expect(page.getByTestId('toolbar-start')).toBeDisabled();
  await expect(page.getByTestId('review-banner')).toContainText('A node');
  await page.getByTestId('review-open').click();
  await expect(review.getByTestId('review-node')).toHaveCount(1);
  await expect(review.getByTestId('review-argv').locator('li')).toHaveText(['nmap', '-sV', '10.0.0.0/16']);
  await review.getByTestId('review-read').check();
  await review.getByTestId('review-confirm').click();
  await expect(page.getByTestId('toolbar-start')).toBeEnabled();

  // A workflow made in the editor owes nothing.
  await page.getByTestId('toolbar-new').click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByTestId('review-banner')).toBeHidden();
  await expect(page.getByTestId('toolbar-start')).toBeEnabled();
});

test('the command review reads in Chinese', async ({ page }, testInfo) => {
  await openEditor(page, 'zh-CN');
  await importWorkflow(page);
  const review = page.getByTestId('command-review');
  await expect(review).toContainText('此工作流会运行命令');
  await expect(review.getByTestId('review-node')).toHaveCount(4);
  await expect(review.getByTestId('review-confirm')).toHaveText('确认审查');
  await page.screenshot({ path: testInfo.outputPath('command-review-zh-CN.png') });
  await review.getByRole('button', { name: '稍后' }).click();
  await expect(page.getByTestId('toolbar-start')).toHaveAttribute('title', /请先审查 4 个节点的命令/);
});
