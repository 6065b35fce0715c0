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
    injects: [
      { id: 'storm', name: 'Storm warning', when: { type: 'manual' }, actions: [{ type: 'setVariables', variables: { weather: 'storm' } }] },
      { id: 'phase-two', when: { type: 'taskTime', afterMs: 3_600_000 }, actions: [{ type: 'setVariables', variables: { phase: 2 } }] },
    ],
  }) as WorkflowDefinition;

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

const item = (page: Page, id: string) => page.locator(`[data-testid="inject-item"][data-inject-id="${id}"]`);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

test('an operator fires a manual inject with one click and sees it fired in the list and on the timeline; a viewer has no Fire and is refused', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const name = `Inject drill ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', WORKFLOW(name));
  await callHost('startTask', taskId);
  await openTask(page, E2E_OPERATOR_TOKEN, taskId, name);

  await page.getByTestId('injects-toggle').click();
  await expect(item(page, 'storm')).toHaveAttribute('data-state', 'pending');
  await expect(item(page, 'phase-two')).toHaveAttribute('data-state', 'pending');
  await expect(item(page, 'phase-two')).toContainText('at task time');
  await expect(item(page, 'phase-two').getByTestId('inject-fire')).toBeVisible();

  await item(page, 'storm').getByTestId('inject-fire').click();
  await expect(item(page, 'storm')).toHaveAttribute('data-state', 'fired');
  await expect(item(page, 'storm')).toContainText('by operator');
  await expect(item(page, 'storm').getByTestId('inject-fire')).toHaveCount(0);
  await expect(page.getByTestId('inject-outcome')).toHaveText('Inject storm fired');
  await page.screenshot({ path: testInfo.outputPath('inject-list.png') });
  expect((await callHost('getTask', taskId)).variables).toMatchObject({ weather: 'storm' });

  await page.getByTestId('injects-toggle').click();
  await page.getByTestId('tab-timeline').click();
  const lane = page.getByTestId('inject-lane');
  await expect(lane.locator('[data-testid="inject-mark"][data-inject-id="storm"]')).toHaveAttribute('data-state', 'fired');
  await page.screenshot({ path: testInfo.outputPath('inject-lane.png') });

  // A viewer sees the list without Fire, and the core refuses the call.
  const viewer = await page.context().newPage();
  await openTask(viewer, E2E_VIEWER_TOKEN, taskId, name);
  await viewer.getByTestId('injects-toggle').click();
  await expect(item(viewer, 'phase-two')).toHaveAttribute('data-state', 'pending');
  await expect(viewer.getByTestId('inject-fire')).toHaveCount(0);
  const refused = await callAsViewer('fireInject', taskId, 'phase-two');
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await viewer.close();
  expect((await callHost('listInjects', taskId)).find((inject) => inject.id === 'phase-two')).toMatchObject({ state: 'pending' });
  await callHost('stopTask', taskId, 'drill over');
});
