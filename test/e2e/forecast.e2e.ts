import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

/**
 * recon (60 s) then strike (30 s) decide the finish; brief (1 s) runs beside them with slack.
 * Every duration is declared, so the forecast needs no earlier runs.
 */
function drill(name: string): WorkflowDefinition {
  const sim = (nodeId: string, durationMs: number, extra: object = {}) => ({ nodeId, nodeType: 'agent', parentId: 'ops', agentLoad: 'sim', agentConfig: { durationMs, steps: 2 }, ...extra });
  return {
    name,
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: ['recon', 'strike', 'brief'] },
      sim('recon', 60_000),
      sim('strike', 30_000, { dependencies: [{ sourceNodeId: 'recon', type: 'success' }] }),
      sim('brief', 1000),
    ],
  } as WorkflowDefinition;
}

async function openTask(page: Page, taskId: string, name: string): Promise<void> {
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_VIEWER_TOKEN}`);
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

test('a viewer sees the forecast lane and the expected finish before the start, and the critical path on the timeline and the graph while it runs', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const name = `Forecast drill ${Date.now()}`;
  // A deadline two seconds away: the p90 finish (90 s from now) passes it.
  const { task_id: taskId } = await callHost('createTask', drill(name), { deadline: Date.now() + 2000 });
  await openTask(page, taskId, name);

  // Before the start: the header's finish and deadline, the lane with all three agents.
  await expect(page.getByTestId('forecast-finish')).toBeVisible();
  // Earlier specs may have run the same agent loads in other workflows: either basis rests on no run of this one.
  await expect(page.getByTestId('forecast-basis')).toHaveAttribute('data-basis', /^(declared|load-history)$/);
  await expect(page.getByTestId('task-deadline')).toHaveAttribute('data-late', 'true');
  await page.getByTestId('tab-timeline').click();
  const lane = page.getByTestId('forecast-lane');
  await expect(lane).toHaveAttribute('data-bars', '3');
  await expect(lane.locator('.tl-forecast-bar.is-critical')).toHaveCount(2);
  await expect(lane.locator('[data-node-id="brief"]')).not.toHaveClass(/is-critical/);
  await page.screenshot({ path: testInfo.outputPath('forecast-before-start.png') });

  // Under way: recon runs and decides the finish; the lane keeps what has not started.
  await callHost('startTask', taskId);
  await expect(page.getByTestId('timeline-row-recon')).toHaveClass(/is-critical/, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-row-strike')).toHaveClass(/is-critical/);
  await expect(page.getByTestId('timeline-row-brief')).not.toHaveClass(/is-critical/);
  await expect(lane.locator('[data-node-id="strike"]')).toHaveClass(/is-critical/);
  await page.screenshot({ path: testInfo.outputPath('forecast-timeline-running.png') });

  await page.getByTestId('tab-graph').click();
  const critical = page.locator('.react-flow__node.is-critical');
  await expect(critical.getByTestId('graph-node-recon')).toBeVisible({ timeout: 45_000 });
  await expect(critical.getByTestId('graph-node-strike')).toBeVisible();
  await expect(critical.getByTestId('graph-node-brief')).toHaveCount(0);
  await expect(page.getByTestId('graph-critical-legend')).toBeVisible();
  await page.getByTestId('graph-node-strike').click();
  await expect(page.getByTestId('node-critical')).toHaveAttribute('data-critical', 'true');
  await expect(page.getByTestId('node-slack')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('forecast-graph-running.png') });
});
