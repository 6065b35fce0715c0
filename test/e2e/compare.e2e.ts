import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { TERMINAL_TASK_STATUSES } from '../../src/shared/status';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

/** The nodes a failed red plan changes (the core's compare test says why each one). */
const DIFFERING = ['deduction', 'red-side', 'red-plan', 'red-strike', 'red-exploit', 'red-withdraw', 'umpire', 'brief-red-win', 'brief-blue-win', 'incident-review'];

/** The shipped red-vs-blue exercise, every step shortened, named for this spec alone. */
function redVsBlue(failPlan: boolean): WorkflowDefinition {
  const definition = JSON.parse(readFileSync(new URL('../../examples/red-vs-blue.json', import.meta.url), 'utf8')) as WorkflowDefinition;
  definition.name = 'Compare e2e: red vs blue';
  for (const node of definition.nodes) {
    if (node.agentConfig && typeof node.agentConfig.durationMs === 'number') node.agentConfig = { ...node.agentConfig, durationMs: 20, steps: 1 };
    if (node.retry) node.retry = { maxRetries: 2, backoff: { initialMs: 10, factor: 1, maxMs: 10 } };
    if (failPlan && node.nodeId === 'red-plan') node.agentConfig = { ...node.agentConfig, outcome: 'failed' };
  }
  return definition;
}

async function runToEnd(definition: WorkflowDefinition): Promise<string> {
  const taskId = (await callHost('createTask', definition)).task_id;
  await callHost('startTask', taskId);
  await expect
    .poll(
      async () => {
        const review = (await callHost('queryNodes', taskId)).find((node) => node.nodeId === 'incident-review');
        if (review?.status === 'running') await callHost('decideManual', taskId, 'incident-review', { approved: true, comment: 'reviewed' });
        return (TERMINAL_TASK_STATUSES as readonly string[]).includes((await callHost('getTask', taskId)).status);
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(true);
  return taskId;
}

const rowIds = (page: Page) => page.locator('[data-testid^="compare-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('compare-row-'.length)));

test('comparing a run with the previous one shows the differing nodes, filters them, and colours them on the graph', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.setViewportSize({ width: 1600, height: 1000 });
  const planned = await runToEnd(redVsBlue(false));
  const failed = await runToEnd(redVsBlue(true));
  const all = (await callHost('compareRuns', planned, failed)).nodes.length;

  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.goto(`${process.env['E2E_HOST_URL']}/#/tasks/${failed}/tree`);
  await page.getByTestId('compare-with-previous').click();
  await expect(page.getByTestId('compare-screen')).toBeVisible();
  await expect(page.getByTestId('compare-pick-a')).toHaveValue(planned);
  await expect(page.getByTestId('compare-pick-b')).toHaveValue(failed);
  // Durations of 20 ms steps jitter; a minute's threshold leaves statuses, attempts and results.
  await page.getByTestId('compare-threshold-ms').fill('60000');
  await expect(page.getByTestId('compare-counts')).toContainText(`${DIFFERING.length} of ${all} nodes differ`);
  expect(await rowIds(page)).toEqual(DIFFERING);
  await expect(page.getByTestId('compare-row-red-plan')).toHaveAttribute('data-diff', 'status');

  await page.getByTestId('compare-row-umpire').click();
  await expect(page.getByTestId('compare-result-changes')).toContainText('winner');

  // The graph colours each node by its difference: the failed plan as a status change, an untouched node as alike.
  // ELK lays the graph out first, which takes a while on a busy machine.
  await expect(page.getByTestId('compare-graph-node-red-plan')).toHaveAttribute('data-diff', 'status', { timeout: 20_000 });
  await expect(page.getByTestId('compare-graph-node-blue-defend')).toHaveAttribute('data-diff', 'same');
  const colour = (id: string) => page.getByTestId(`compare-graph-node-${id}`).evaluate((element) => getComputedStyle(element).borderLeftColor);
  const danger = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger)';
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  });
  expect(await colour('red-plan')).toBe(danger);
  expect(await colour('blue-defend')).not.toBe(danger);
  await page.screenshot({ path: 'test-results/compare-en.png' });

  await page.getByTestId('compare-only-differences').uncheck();
  await expect(page.getByTestId('compare-shown-count')).toHaveText(`${all} of ${all} nodes shown`);
  expect(await rowIds(page)).toContain('blue-defend');
  await page.getByTestId('compare-only-differences').check();
  expect(await rowIds(page)).toEqual(DIFFERING);

  // B's report, with the comparison: the same nodes listed.
  const download = page.waitForEvent('download');
  await page.getByTestId('compare-report').getByRole('button').first().click();
  await expect(page.getByTestId('compare-report').getByRole('menuitem')).toHaveCount(2);
  await page.getByTestId('compare-report').getByRole('menuitem').first().click();
  const html = readFileSync(await (await download).path(), 'utf8');
  expect(html).toContain(`Compared with Compare e2e: red vs blue (task ${planned})`);
  // The report keeps the default thresholds, so a slower container may join the list.
  expect([...html.matchAll(/data-node="([^"]+)"/g)].map((match) => match[1])).toEqual(expect.arrayContaining(DIFFERING));

  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('compare-counts')).toContainText(`${all} 个节点中有 ${DIFFERING.length} 个不同`);
  await page.screenshot({ path: 'test-results/compare-zh.png' });
});
