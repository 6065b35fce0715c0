import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { TERMINAL_TASK_STATUSES } from '../../src/shared/status';
import { E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

/** Scout completes, strike fails after it: a run with one failure to jump to. */
function drill(name: string): WorkflowDefinition {
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: ['scout', 'strike'] },
      { nodeId: 'scout', nodeType: 'agent', parentId: 'ops', agentLoad: 'sim', agentConfig: { durationMs: 400, steps: 2 } },
      { nodeId: 'strike', nodeType: 'agent', parentId: 'ops', agentLoad: 'sim', agentConfig: { durationMs: 300, steps: 2, outcome: 'failed' }, dependencies: [{ sourceNodeId: 'scout', type: 'success' }] },
    ],
  } as WorkflowDefinition;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

test('a viewer bookmarks the failure found in replay, and the after-action review shows it with its moment', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const name = `AAR drill ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', drill(name));
  await callHost('startTask', taskId);
  await expect.poll(async () => (TERMINAL_TASK_STATUSES as readonly string[]).includes((await callHost('getTask', taskId)).status), { timeout: 30_000 }).toBe(true);

  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_VIEWER_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(name);
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('replay-toggle').click();
  await expect(page.getByTestId('replay-bar')).toBeVisible();
  await expect(page.locator('.replay-speed option')).toHaveText(['1×', '2×', '4×', '8×', '16×', '32×', '64×']);

  // From the start, "next event" of the failures alone lands on strike's failure.
  await page.getByTestId('replay-slider').fill('0');
  for (const kind of ['manual', 'inject', 'operator']) await page.locator(`.replay-event-kind[data-kind="${kind}"] input`).uncheck();
  await expect(page.locator('.replay-event-kind[data-kind="failure"]')).toContainText('1 failure');
  await page.getByTestId('replay-next-event').click();
  await page.getByTestId('tab-tree').click();
  await expect(page.locator('.node-tree [data-node-id="strike"]')).toContainText('Failed');
  await page.getByTestId('tab-timeline').click();

  await page.getByTestId('bookmark-add').click();
  await page.getByTestId('bookmark-text').fill('Strike failed: the scout report came too late');
  await page.getByTestId('bookmark-save').click();
  const mark = page.getByTestId('bookmark-mark');
  await expect(mark).toHaveCount(1);
  await mark.click();
  await expect(page.getByTestId('bookmark-card')).toContainText('Strike failed: the scout report came too late');
  await expect(page.getByTestId('bookmark-card')).toContainText('viewer');
  await expect(page.getByTestId('bookmark-delete')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bookmark-in-replay.png') });
  await page.screenshot({ path: '/tmp/i23-aar-bookmark-in-replay.png' });

  const [bookmark] = await callHost('listBookmarks', taskId);
  expect(bookmark).toMatchObject({ author: 'viewer', kind: 'bookmark', text: 'Strike failed: the scout report came too late' });

  // The after-action review, from the report menu: the bookmark with the graph and tree as they stood.
  await page.locator('.report-menu__button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-after-action-html').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^after-action-AAR-drill-\d+-\d+\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('<blockquote class="aar-text">Strike failed: the scout report came too late</blockquote>');
  expect(html).toContain('data-node="strike" data-status="failed"');
  expect(html).toContain('data-node="scout" data-status="completed"');
  expect(html).toMatch(/<tr data-node="strike">.*Failed/);

  await page.setContent(html);
  await page.screenshot({ path: testInfo.outputPath('after-action-review.png'), fullPage: true });
  await page.screenshot({ path: '/tmp/i23-aar-review.png', fullPage: true });
});
