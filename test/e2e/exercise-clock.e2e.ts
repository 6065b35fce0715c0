import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN, E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

function clockedWorkflow(name: string): WorkflowDefinition {
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['long'] },
      { nodeId: 'long', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 3_600_000, steps: 10 } },
    ],
  } as WorkflowDefinition;
}

async function openTask(page: Page, token: string, taskId: string, name: string): Promise<void> {
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${token}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(name);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

test('the header shows the exercise clock; an operator sets its rate and pauses it, a viewer sees it without controls and is refused', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const name = `Clocked run ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', clockedWorkflow(name));
  await callHost('startTask', taskId);
  await openTask(page, E2E_OPERATOR_TOKEN, taskId, name);

  const clock = page.getByTestId('task-clock');
  await expect(clock).toHaveAttribute('data-rate', '1');
  await expect(page.getByTestId('task-clock-time')).toHaveText(/^T\+00:0\d:\d\d$/);
  await page.getByTestId('clock-rate').selectOption('8');
  await expect(clock).toHaveAttribute('data-rate', '8');
  await expect(page.getByTestId('clock-outcome')).toHaveText('Clock changed');
  await page.getByTestId('clock-pause').click();
  await expect(clock).toHaveAttribute('data-paused', 'true');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-clock-mark')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/i22-clock-operator.png' });

  const viewer = await browser.newPage();
  await viewer.addInitScript(() => localStorage.setItem('deduction-console-language', 'en'));
  await openTask(viewer, E2E_VIEWER_TOKEN, taskId, name);
  await expect(viewer.getByTestId('task-clock-rate')).toHaveText('×8');
  await expect(viewer.getByTestId('clock-pause')).toHaveCount(0);
  await viewer.close();
  const refused = await fetch(`${process.env['E2E_HOST_URL']}/api/v1/deduction/task/${taskId}/clock`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_VIEWER_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'resume' }),
  });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toContain('viewer');
  await callHost('stopTask', taskId, 'e2e over');
});
