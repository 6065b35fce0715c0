import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN, E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

const workflow = (name: string): WorkflowDefinition =>
  ({
    name,
    variables: { region: 'east' },
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true },
      { nodeId: 'long', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 120_000, steps: 2 } },
      { nodeId: 'later', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 100 }, dependencies: [{ sourceNodeId: 'long', type: 'success' }] },
    ],
  }) as WorkflowDefinition;

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

test('an operator edits a running task’s variables and removes a node that has not started; a viewer sees neither', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const name = `Live edit ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', workflow(name));
  await callHost('startTask', taskId);
  await openTask(page, E2E_OPERATOR_TOKEN, taskId, name);

  await page.getByTestId('task-edit-variables').click();
  await page.getByTestId('task-variables-json').fill(JSON.stringify({ region: 'west', level: 2 }));
  await page.getByTestId('task-variables-reason').fill('the front moved');
  await page.getByTestId('task-variables-save').click();
  await expect(page.getByTestId('task-variables-outcome')).toHaveText('2 variables changed');
  expect((await callHost('getTask', taskId)).variables).toEqual({ region: 'west', level: 2 });
  await page.screenshot({ path: '/tmp/i22-live-variables.png' });

  await page.locator('.node-tree [data-node-id="later"]').click();
  await page.getByTestId('node-remove').click();
  await page.getByTestId('node-remove-confirm').click();
  await expect(page.getByTestId('node-live-outcome')).toHaveText('1 node removed');
  expect((await callHost('queryNodes', taskId)).map((node) => node.nodeId).sort()).toEqual(['long', 'root']);

  const watching = await browser.newContext();
  const watcher = await watching.newPage();
  await watcher.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_VIEWER_TOKEN}`);
  await expect(watcher.getByTestId('read-only-badge')).toBeVisible();
  await watcher.goto(`${process.env['E2E_HOST_URL']}/#/tasks/${taskId}/tree`);
  await watcher.locator('.node-tree [data-node-id="long"]').click();
  await expect(watcher.getByTestId('node-detail')).toBeVisible();
  await expect(watcher.getByTestId('task-edit-variables')).toHaveCount(0);
  await expect(watcher.getByTestId('node-remove')).toHaveCount(0);
  await expect(watcher.getByTestId('node-rerun-edited')).toHaveCount(0);
  await watcher.screenshot({ path: '/tmp/i22-live-viewer.png' });
  await watching.close();
  await callHost('stopTask', taskId);
});
