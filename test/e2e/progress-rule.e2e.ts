import { expect, test, type Page } from '@playwright/test';
import { endedShare, wholePercent } from '../../src/shared/task/progress';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

const sim = (nodeId: string, parentId: string, config: Record<string, unknown>, extra: Partial<WorkflowNodeDefinition> = {}): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'agent', parentId, agentLoad: 'sim', agentConfig: { steps: 10, outcome: 'completed', failTimes: 0, ...config }, ...extra }) as WorkflowNodeDefinition;

/**
 * Mixed statuses at once: two quick agents complete, one fails, one is skipped because it
 * needs the failed one to succeed, and a sub-container's two agents run until the task is
 * stopped (reporting progress every 100 ms). The
 * task's counters (containers counted) say 4 of 8 ended; its agents, 4 of 6.
 */
function mixedWorkflow(name: string): WorkflowDefinition {
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: ['ok-1', 'ok-2', 'boom', 'dep', 'grp'] } as WorkflowNodeDefinition,
      sim('ok-1', 'ops', { durationMs: 100 }),
      sim('ok-2', 'ops', { durationMs: 100 }),
      sim('boom', 'ops', { durationMs: 100, outcome: 'failed' }),
      sim('dep', 'ops', { durationMs: 100 }, { dependencies: [{ sourceNodeId: 'boom', type: 'success' }] }),
      { nodeId: 'grp', nodeType: 'container', parentId: 'ops', children: ['slow-1', 'slow-2'] } as WorkflowNodeDefinition,
      sim('slow-1', 'grp', { durationMs: 120_000, steps: 1200 }),
      sim('slow-2', 'grp', { durationMs: 120_000, steps: 1200 }),
    ],
  };
}

const row = (page: Page, nodeId: string) => page.locator(`.node-tree [data-node-id="${nodeId}"]`);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

test('header, root row and container bars follow one progress rule; a dependency that can never be satisfied says so; replay shows a running node’s progress; the report reads pauses and skips honestly', async ({ page }) => {
  test.setTimeout(180_000);
  const name = `Progress rule ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', mixedWorkflow(name));
  await callHost('startTask', taskId);
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(name);

  // While the sub-container's agents run, everything else has ended.
  await expect(row(page, 'dep')).toHaveAttribute('data-status', 'skipped', { timeout: 20_000 });
  await expect(row(page, 'ok-2')).toHaveAttribute('data-status', 'completed');
  await expect(row(page, 'slow-1')).toHaveAttribute('data-status', 'running');
  await callHost('pauseTask', taskId);
  await callHost('resumeTask', taskId);

  const nodes = await callHost('queryNodes', taskId);
  const expected = wholePercent(endedShare(nodes.find((view) => view.nodeId === 'ops')!.managedNodes));
  expect(expected).toBe(66);
  const header = page.getByTestId('task-progress');
  await expect(header).toHaveAttribute('data-percent', String(expected));
  await expect(header).toContainText(`${expected}%`);
  await expect(row(page, 'ops').locator('.tree-progress-text')).toHaveText(`${expected}%`);
  // A container whose agents are all still running is at 0%, and its bar is empty to match.
  await expect(row(page, 'grp').locator('.tree-progress-text')).toHaveText('0%');
  await expect(row(page, 'grp').locator('.tree-progress-segment')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/i21-progress-tree.png' });

  // The skipped node's dependency on the failed node: never, marked as never (not with the source's status).
  await row(page, 'dep').click();
  const edge = page.getByTestId('node-detail').getByTestId('node-detail-dependency');
  await expect(edge).toHaveAttribute('data-edge-state', 'unsatisfiable');
  await expect(edge.locator('.tree-edge-state')).toHaveText('never');
  await expect(edge.locator('svg').first()).toHaveAttribute('data-edge-state', 'unsatisfiable');
  await expect(edge).toContainText('source Failed');
  await page.getByTestId('node-detail').screenshot({ path: '/tmp/i21-progress-dependency.png' });
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(edge.locator('.tree-edge-state')).toHaveText('永不满足');
  await expect(edge).toContainText('来源：失败');
  await page.getByTestId('node-detail').screenshot({ path: '/tmp/i21-progress-dependency-zh.png' });
  await page.getByTestId('language-select').selectOption('en');
  // The root's history reads the pause and the resume as such, not as Running → Running.
  await row(page, 'ops').click();
  await expect(page.getByTestId('node-detail').getByTestId('node-detail-task-audit')).toHaveText(['Task resumed', 'Task paused']);
  await page.getByTestId('node-detail').getByTestId('node-detail-task-audit').first().scrollIntoViewIfNeeded();
  await page.getByTestId('node-detail').screenshot({ path: '/tmp/i21-progress-root-history.png' });

  // Replay, at the middle of slow-1's run: it shows part of the progress it had reached, not 0%.
  await expect.poll(async () => Number(await row(page, 'slow-1').locator('.tree-progress').getAttribute('data-percent')), { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
  await callHost('stopTask', taskId, 'enough seen');
  await expect(page.getByTestId('task-monitor')).toHaveAttribute('data-task-status', 'stopped', { timeout: 30_000 });
  const slow = (await callHost('listExecutions', taskId)).find((execution) => execution.nodeId === 'slow-1')!;
  await page.getByTestId('replay-toggle').click();
  const slider = page.getByTestId('replay-slider');
  await expect(slider).toBeVisible();
  const middle = Math.round((slow.startTime! + slow.endTime!) / 2);
  await slider.evaluate((input: HTMLInputElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, middle);
  await expect(row(page, 'slow-1')).toHaveAttribute('data-status', 'running');
  const replayed = Number(await row(page, 'slow-1').locator('.tree-progress').getAttribute('data-percent'));
  const reached = wholePercent(slow.progress);
  expect(reached).toBeGreaterThanOrEqual(6);
  expect(replayed).toBeGreaterThan(0);
  expect(replayed).toBeLessThan(reached);
  await page.screenshot({ path: '/tmp/i21-progress-replay.png' });

  // The report: pause and resume as the task's own change, a skip's reason apart from errors, codes whole.
  const report = await callHost('exportRunReport', { taskId, format: 'html', language: 'en' });
  await page.setViewportSize({ width: 700, height: 900 });
  await page.setContent(report.content);
  const actions = page.getByRole('heading', { name: 'Operator actions', exact: true }).locator('xpath=following-sibling::table[1]');
  await expect(actions).toContainText('Running → Paused');
  await expect(actions).toContainText('Paused → Running');
  await expect(actions).not.toContainText('Running → Running');
  const nodeTable = page.getByRole('heading', { name: 'Nodes', exact: true }).locator('xpath=following-sibling::table[1]');
  const heads = await nodeTable.locator('thead th').allTextContents();
  const depCells = await nodeTable.locator('tbody tr', { has: page.locator('td:first-child', { hasText: /^\s*dep\s*$/ }) }).locator('td').allTextContents();
  expect(depCells[heads.indexOf('Error')]).toBe('—');
  expect(depCells[heads.indexOf('Reason')]).toContain('DEPENDENCY_UNSATISFIED');
  // The root's agents inside, as its tree row counted them (the sub-container is not one of them).
  const rootCells = await nodeTable.locator('tbody tr').first().locator('td').allTextContents();
  expect(rootCells[heads.indexOf('Completed inside')]).toBe('2/6');
  // Every piece of a code between its break points lies on one line: no break inside a word.
  const codes = await page.locator('code.code').evaluateAll((elements) =>
    elements.map((element) => ({
      text: element.textContent,
      pieces: Array.from(element.childNodes).filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => {
        const range = document.createRange();
        range.selectNodeContents(child);
        return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
      }),
    })),
  );
  expect(codes.map((code) => code.text)).toContain('DEPENDENCY_UNSATISFIED');
  for (const code of codes) expect(code.pieces.every((lines) => lines === 1), `${code.text} breaks inside a word`).toBe(true);
  await nodeTable.screenshot({ path: '/tmp/i21-progress-report.png' });
});
