import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN, E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

const sim = (nodeId: string, config: Record<string, unknown>, extra: Partial<WorkflowNodeDefinition> = {}): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'agent', parentId: 'mix', agentLoad: 'sim', agentConfig: { steps: 2, outcome: 'completed', failTimes: 0, ...config }, ...extra }) as WorkflowNodeDefinition;
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);

/**
 * One container whose children are at once running (slow), failed (each fails its first attempt,
 * no automatic retry), skipped (they need f-1 to succeed) and completed (quick): the Managed column
 * shows "66/190" and counts up to three digits (wider than the column's old fixed 8.5rem), and
 * "retry failed" has twelve nodes to restart.
 */
function mixedWorkflow(name: string): WorkflowDefinition {
  const nodes: WorkflowNodeDefinition[] = [
    ...ids('slow', 12).map((id) => sim(id, { durationMs: 12_000 })),
    ...ids('f', 12).map((id) => sim(id, { durationMs: 200, failTimes: 1 })),
    ...ids('s', 100).map((id) => sim(id, { durationMs: 200 }, { dependencies: [{ sourceNodeId: 'f-1', type: 'success' }] })),
    ...ids('ok', 66).map((id) => sim(id, { durationMs: 200 })),
  ];
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: ['mix'] } as WorkflowNodeDefinition,
      { nodeId: 'mix', nodeType: 'container', parentId: 'ops', children: nodes.map((node) => node.nodeId) } as WorkflowNodeDefinition,
      ...nodes,
    ],
  };
}

const row = (page: Page, nodeId: string) => page.locator(`.node-tree [data-node-id="${nodeId}"]`);

async function openTask(page: Page, token: string, taskId: string, name: string): Promise<void> {
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${token}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(name);
}

async function control(page: Page, name: string): Promise<void> {
  await page.getByTestId(`task-${name}`).click();
  await page.getByTestId('task-control-confirm').click();
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

test('a commander sees the Managed figures whole, a resume notice that goes, which nodes a retry restarted and why not the rest, and alerts by task name', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const name = `Mixed outcomes ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', mixedWorkflow(name));
  await callHost('startTask', taskId);
  await openTask(page, E2E_OPERATOR_TOKEN, taskId, name);

  // Running, failed and skipped children at once: every figure of the container fits its column.
  const managed = row(page, 'mix').locator('.tree-managed');
  await expect(managed.locator('.tree-managed-count')).toHaveCount(3, { timeout: 30_000 });
  const fits = await managed.evaluate((element) => element.scrollWidth <= element.parentElement!.clientWidth);
  await page.screenshot({ path: testInfo.outputPath('managed-column.png') });
  expect(fits).toBe(true);

  // "Task resumed" is news for a moment, not a lasting label.
  await control(page, 'pause');
  await expect(page.getByTestId('task-monitor')).toHaveAttribute('data-task-status', 'paused', { timeout: 15_000 });
  await control(page, 'resume');
  await expect(page.getByTestId('task-control-outcome')).toHaveText('Task resumed');
  await expect(page.getByTestId('task-control-outcome')).toBeHidden({ timeout: 20_000 });

  await expect(page.getByTestId('task-monitor')).toHaveAttribute('data-task-status', 'failed', { timeout: 60_000 });
  await page.getByTestId('task-retryFailed').click();
  await expect(page.getByTestId('task-control-dialog')).toContainText('containers that failed because of their children run again with them');
  await page.getByTestId('task-control-confirm').click();
  const details = page.getByTestId('task-control-details');
  await expect(page.getByTestId('task-control-outcome')).toContainText('12 failed nodes restarted');
  await expect(details).toContainText('Restarted: f-1, f-2, f-3, f-4, f-5, and 7 more');
  await expect(details).toContainText('2 other failed nodes were not restarted by themselves:');
  await expect(details).toContainText('ops: failed because of its children; it runs again with them');
  await expect(details).toContainText('mix: failed because of its children; it runs again with them');
  await page.screenshot({ path: testInfo.outputPath('retry-outcome.png') });

  // The retry's list stays, after the task ends too, until dismissed.
  await expect(page.getByTestId('task-monitor')).toHaveAttribute('data-task-status', 'completed', { timeout: 60_000 });
  await expect(details).toBeVisible();
  await page.getByTestId('task-control-dismiss').click();
  await expect(page.getByTestId('task-control-outcome')).toBeHidden();

  // The bell names the task by its name.
  await page.getByTestId('alert-bell').click();
  const alerts = page.getByTestId('alert-dropdown').getByTestId('alert-row').filter({ hasText: name });
  await expect(alerts.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('alert-dropdown')).not.toContainText(`task ${taskId}`);
  await page.screenshot({ path: testInfo.outputPath('alert-bell.png') });
});

test('a viewer is told the session is read-only and is offered nothing the core would refuse', async ({ page }, testInfo) => {
  const name = `Watched only ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', mixedWorkflow(name));
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_VIEWER_TOKEN}`);
  await expect(page.getByTestId('read-only-badge')).toHaveText('Read-only');

  for (const action of ['save', 'start']) {
    await expect(page.getByTestId(`toolbar-${action}`)).toBeDisabled();
    await expect(page.getByTestId(`toolbar-${action}`)).toHaveAttribute('title', 'Read-only session: a viewer cannot do this');
  }
  await expect(page.getByTestId('toolbar-exportJson')).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('viewer-editor.png') });

  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('operators')).toBeVisible();
  await expect(page.getByTestId('operator-form')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('viewer-dashboard.png') });

  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(name);
  await expect(page.getByTestId('task-start')).toHaveCount(0);

  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('read-only-badge')).toHaveText('只读');
  await page.screenshot({ path: testInfo.outputPath('viewer-task-zh-CN.png') });
});
