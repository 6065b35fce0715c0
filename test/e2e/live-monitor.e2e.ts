import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

/**
 * The red-versus-blue example with its strike left to fail once without an automatic retry,
 * so the operator has something to retry, and sim durations halved to keep the run short.
 */
function exampleWithFailingStrike(): WorkflowDefinition {
  const definition = JSON.parse(readFileSync(new URL('../../examples/red-vs-blue.json', import.meta.url), 'utf8')) as WorkflowDefinition;
  for (const node of definition.nodes) {
    const config = node.agentConfig as { durationMs?: number } | undefined;
    if (config && typeof config.durationMs === 'number') config.durationMs = Math.round(config.durationMs / 2);
    if (node.nodeId === 'red-strike') delete node.retry;
  }
  return { ...definition, name: 'Red versus blue, watched live' };
}

const row = (page: Page, nodeId: string) => page.locator(`.node-tree [data-node-id="${nodeId}"]`);

async function control(page: Page, nodeId: string, name: string): Promise<void> {
  await row(page, nodeId).click();
  await expect(page.getByTestId('node-detail')).toBeVisible();
  await page.getByTestId('node-detail').locator(`[data-control="${name}"]`).click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('control-notice').last()).toBeVisible();
}

test('watches red versus blue: a node fails and the operator retries it, the tree turns complete, logs are searched, charts show samples, replay shows an earlier state', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  const created = await callHost('createTask', exampleWithFailingStrike());
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('task-table')).toContainText('Red versus blue, watched live');
  await page.screenshot({ path: testInfo.outputPath('dashboard-en.png') });
  await page.locator(`[data-task-id="${created.task_id}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText('Red versus blue, watched live');

  // The task is created but not started: the operator starts it from its monitor.
  await page.getByTestId('task-start').click();
  await page.getByTestId('task-control-confirm').click();
  await expect(page.getByTestId('task-monitor')).toHaveAttribute('data-task-status', /running|initializing/, { timeout: 15_000 });
  await expect(row(page, 'red-recon')).toBeVisible();

  await expect(row(page, 'red-strike')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('monitor-failed-node-en.png') });
  await control(page, 'red-strike', 'restart');
  await expect(row(page, 'red-strike')).toHaveAttribute('data-status', /running|completed/, { timeout: 15_000 });
  await expect(row(page, 'red-strike')).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(row(page, 'red-strike')).toContainText('#2');

  // A side that failed before the retry brings up the incident review; approve it if it is waiting.
  await expect
    .poll(
      async () => {
        const status = await page.getByTestId('task-monitor').getAttribute('data-task-status');
        if (status !== 'running') return status;
        if ((await row(page, 'incident-review').getAttribute('data-status')) === 'running') await control(page, 'incident-review', 'approve');
        return status;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe('completed');
  await expect(row(page, 'deduction')).toHaveAttribute('data-status', 'completed');
  await expect(row(page, 'red-side')).toHaveAttribute('data-status', 'completed');
  await page.screenshot({ path: testInfo.outputPath('monitor-tree-en.png') });

  // The log opens on the selected node's lines; the failure is searched for across all nodes.
  await page.getByTestId('tab-logs').click();
  await page.getByRole('button', { name: 'All nodes' }).click();
  await page.getByPlaceholder(/search/i).fill('simulated failure');
  const hit = page.locator('.log-row', { has: page.locator('mark') }).first();
  await expect(hit).toContainText('red-strike', { timeout: 10_000 });
  await expect(hit.locator('mark').first()).toHaveText(/simulated/i);

  await page.getByTestId('tab-charts').click();
  await expect(page.getByTestId('resource-charts').locator('.recharts-line-curve, .recharts-area-curve').first()).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath('monitor-charts-en.png') });

  await page.getByTestId('tab-tree').click();
  await page.getByTestId('replay-toggle').click();
  const slider = page.getByTestId('replay-slider');
  await expect(slider).toBeVisible({ timeout: 15_000 });
  const start = Number(await slider.getAttribute('min'));
  await slider.fill(String(start + 500));
  await expect(page.getByTestId('replay-flag')).toBeVisible();
  await expect(row(page, 'red-strike')).not.toHaveAttribute('data-status', 'completed');
  await expect(row(page, 'brief-red-win')).not.toHaveAttribute('data-status', /completed|skipped/);
  await page.screenshot({ path: testInfo.outputPath('monitor-replay-en.png') });

  await page.getByTestId('replay-toggle').click();
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('tab-tree')).toHaveText('节点树');
  await page.screenshot({ path: testInfo.outputPath('monitor-tree-zh-CN.png') });
  await page.getByTestId('tab-graph').click();
  await expect(page.getByTestId('live-graph')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('monitor-graph-zh-CN.png') });

  await page.getByTestId('present').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByTestId('presentation')).toContainText('16');
  // The wall shows red's side whole or as one card, whichever fits its screen at 24 px (wall-plan.ts).
  await expect(page.getByTestId('presentation').getByTestId('wall-node-red-side')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('monitor-presentation-zh-CN.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toBeHidden();
  await expect(page.getByTestId('task-monitor')).toBeVisible();
});
