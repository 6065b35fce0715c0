import { expect, test, type Page } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import type { CallResult } from '../../src/shared/api/errors';
import { HOST_SOCKET } from '../../src/shared/api/host-protocol';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN, E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

const WORKFLOW = (name: string): WorkflowDefinition =>
  ({
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'hq', nodeType: 'container', isRoot: true },
      { nodeId: 'recon', nodeType: 'agent', parentId: 'hq', agentLoad: 'sim', agentConfig: { durationMs: 300_000, steps: 3_000 } },
    ],
  }) as WorkflowDefinition;

const row = (page: Page, nodeId: string) => page.locator(`.node-tree [data-node-id="${nodeId}"]`);

async function openTask(page: Page, token: string, taskId: string, name: string): Promise<void> {
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${token}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(name);
}

/** One call as a viewer, over the host's WebSocket: what the core answers, refusal included. */
async function callAsViewer(method: string, ...args: unknown[]): Promise<CallResult> {
  const socket = connect(process.env['E2E_HOST_URL']!, { auth: { token: E2E_VIEWER_TOKEN }, transports: ['websocket'] });
  try {
    return await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve));
  } finally {
    socket.close();
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

test('an operator holds a running agent from the node detail and releases it; a viewer is offered neither and is refused', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const name = `Hold drill ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', WORKFLOW(name));
  await callHost('startTask', taskId);
  await openTask(page, E2E_OPERATOR_TOKEN, taskId, name);
  await expect(row(page, 'recon')).toHaveAttribute('data-status', 'running', { timeout: 20_000 });

  await row(page, 'recon').click();
  const detail = page.getByTestId('node-detail');
  await expect(detail.locator('[data-control="release"]')).toBeDisabled();
  await detail.locator('[data-control="hold"]').click();
  await page.getByTestId('control-dialog').locator('textarea').fill('await the commander');
  await page.getByTestId('confirm-accept').click();
  await expect(row(page, 'recon')).toHaveAttribute('data-status', 'held', { timeout: 15_000 });
  await expect(detail.locator('[data-control="hold"]')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('held.png') });
  const transitions = await callHost('listTransitions', { taskId, nodeId: 'recon' });
  expect(transitions.find((each) => each.to === 'held')).toMatchObject({ trigger: 'user', reason: 'held: await the commander' });

  // A viewer watching the same task sees it held, has no controls, and the core refuses the call.
  const viewer = await page.context().newPage();
  await openTask(viewer, E2E_VIEWER_TOKEN, taskId, name);
  await expect(row(viewer, 'recon')).toHaveAttribute('data-status', 'held');
  await row(viewer, 'recon').click();
  await expect(viewer.getByTestId('node-detail')).toBeVisible();
  await expect(viewer.getByTestId('node-detail').locator('[data-control]')).toHaveCount(0);
  await viewer.screenshot({ path: testInfo.outputPath('viewer-held.png') });
  const refused = await callAsViewer('releaseNode', taskId, 'recon');
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await viewer.close();

  await detail.locator('[data-control="release"]').click();
  await page.getByTestId('confirm-accept').click();
  await expect(row(page, 'recon')).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
  await callHost('stopTask', taskId, 'drill over');
});
