import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

const suffix = randomBytes(3).toString('hex');
const sim = (nodeId: string, parentId: string, config: Record<string, unknown>): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'agent', parentId, agentLoad: 'sim', agentConfig: { steps: 2, outcome: 'completed', failTimes: 0, durationMs: 100, ...config } }) as WorkflowNodeDefinition;

/** A container with two failing children among quick ones, and one that depends on a failure: the task fails, alerts are raised, a node is skipped. */
function failingWorkflow(name: string): WorkflowDefinition {
  const children = [sim('ok-1', 'wave', {}), sim('ok-2', 'wave', {}), sim('bad-1', 'wave', { failTimes: 5 }), sim('bad-2', 'wave', { failTimes: 5 })];
  const after = { ...sim('after-bad', 'wave', {}), dependencies: [{ sourceNodeId: 'bad-1', type: 'success' }] } as WorkflowNodeDefinition;
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: ['wave'] } as WorkflowNodeDefinition,
      { nodeId: 'wave', nodeType: 'container', parentId: 'ops', children: [...children, after].map((node) => node.nodeId) } as WorkflowNodeDefinition,
      ...children,
      after,
    ],
  };
}

/** Letters a Chinese reader reads as the product's own terms or units, not as untranslated English. */
const ACRONYMS = new Set(['CPU', 'JSON', 'CSV', 'HTML', 'PDF', 'PNG', 'SVG', 'URL', 'ID', 'API', 'CLI', 'HTTP', 'HTTPS', 'UTC', 'cron', 'Cron', 'B', 'MB', 'KB', 'GB', 'TB', 'ms']);

/**
 * Visible text of the page (text nodes, placeholders, chosen options) that holds Latin letters
 * and no Chinese, outside elements marked `data-verbatim` (ids, names, codes, user data) and
 * code elements (which hold ids and codes by their meaning).
 */
async function englishOn(page: Page): Promise<string[]> {
  return page.evaluate((acronyms) => {
    const allowed = new Set(acronyms);
    const found = new Set<string>();
    const visible = (element: Element | null) => {
      if (!element) return false;
      if (element.closest('[data-verbatim], code, kbd, samp, script, style, noscript, [hidden]')) return false;
      const rects = element.getClientRects();
      if (rects.length === 0) return false;
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };
    const check = (raw: string) => {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (!/[A-Za-z]/.test(text) || /[\u3000-\u9fff\uff00-\uffef]/.test(text)) return;
      const words = text.match(/[A-Za-z]+/g) ?? [];
      if (words.every((word) => allowed.has(word))) return;
      found.add(text);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (visible(node.parentElement)) check(node.textContent ?? '');
    }
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]'))) {
      if (visible(input) && input.value === '') check(input.placeholder);
    }
    for (const select of Array.from(document.querySelectorAll('select'))) {
      const chosen = select.selectedOptions[0];
      if (visible(select) && chosen && !chosen.hasAttribute('data-verbatim')) check(chosen.textContent ?? '');
    }
    return [...found];
  }, [...ACRONYMS]);
}

test('every screen of a zh-CN window reads in Chinese, outside ids, names, codes and user data', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const failedName = `巡检-${suffix}`;
  const stoppedName = `停止-${suffix}`;
  await callHost('saveTemplate', { definition: failingWorkflow(failedName) });
  const failed = await callHost('createTask', failingWorkflow(failedName));
  await callHost('startTask', failed.task_id);
  const stopped = await callHost('createTask', { ...failingWorkflow(stoppedName), nodes: failingWorkflow(stoppedName).nodes.map((node) => (node.nodeType === 'agent' ? { ...node, agentConfig: { durationMs: 30_000 } } : node)) });
  await callHost('startTask', stopped.task_id);
  await expect.poll(async () => (await callHost('getTask', failed.task_id)).status, { timeout: 30_000 }).toBe('failed');
  await expect.poll(async () => (await callHost('getTask', stopped.task_id)).status, { timeout: 15_000 }).toBe('running');
  await callHost('stopTask', stopped.task_id);

  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'zh-CN');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  const found: string[] = [];
  const walk = async (screen: string) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: testInfo.outputPath(`zh-${screen}.png`) });
    for (const text of await englishOn(page)) found.push(`${screen}: ${text}`);
  };

  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('nav-editor')).toHaveText('编辑器');
  await walk('editor');
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId('open-dialog').getByTestId('template-search').fill(suffix);
  await expect(page.getByTestId(`template-row-${failedName}`)).toBeVisible();
  await walk('editor-open');
  await page.getByTestId(`template-open-${failedName}`).click();
  await expect(page.getByTestId('open-dialog')).toBeHidden();
  await walk('editor-workflow');

  await page.getByTestId('nav-tasks').click();
  await expect(page.locator(`[data-task-id="${failed.task_id}"]`)).toBeVisible();
  await walk('dashboard');

  await page.getByTestId('alert-bell').click();
  await expect(page.getByTestId('alert-dropdown')).toBeVisible();
  await walk('alert-center');
  await page.getByTestId('alert-bell').click();

  for (const [task, label] of [
    [failed.task_id, 'failed'],
    [stopped.task_id, 'stopped'],
  ] as const) {
    await page.locator(`[data-task-id="${task}"]`).click();
    await expect(page.getByTestId('task-monitor')).toBeVisible();
    await expect(page.locator('.node-tree [data-node-id="bad-1"]')).toBeVisible();
    await walk(`${label}-tree`);
    await page.locator('.node-tree [data-node-id="bad-1"]').click();
    await expect(page.getByTestId('node-detail')).toBeVisible();
    await walk(`${label}-node-detail`);
    await page.locator('.node-tree [data-node-id="wave"]').click();
    await walk(`${label}-container-detail`);
    // The stopped task's other tabs show nothing the failed one's do not.
    for (const tab of label === 'failed' ? ['graph', 'timeline', 'logs', 'charts', 'alerts'] : ['graph']) {
      await page.getByTestId(`tab-${tab}`).click();
      await walk(`${label}-${tab}`);
      if (tab === 'logs') {
        // A native date input would show the browser's mm/dd/yyyy, which no text walk sees.
        for (const field of await page.locator('.log-filter--time input').all()) {
          await expect(field).toHaveAttribute('type', 'text');
          await expect(field).toHaveAttribute('placeholder', '例：2026-12-07 21:30:00');
        }
      }
    }
    await page.getByTestId('tab-tree').click();
    await page.getByTestId('nav-tasks').click();
  }

  await page.locator(`[data-task-id="${failed.task_id}"]`).click();
  await page.getByTestId('replay-toggle').click();
  await expect(page.locator('.monitor-replay')).toBeVisible();
  await walk('replay');
  await page.getByTestId('replay-toggle').click();
  await page.getByTestId('present').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await walk('present');
  await page.getByTestId('present-exit').click();

  await page.getByTestId('nav-environments').click();
  await expect(page.getByTestId('backups-section')).toBeVisible();
  await walk('environments-maintenance');
  await page.getByTestId('nav-triggers').click();
  await expect(page.getByTestId('triggers-screen')).toBeVisible();
  await walk('triggers');

  expect(found, `English text in the zh-CN window:\n${found.join('\n')}`).toEqual([]);
});

test('the English window writes dates ISO-like, never 12/07/2026, and its log time fields read what they show', async ({ page }, testInfo) => {
  const name = `dates-${suffix}`;
  const created = await callHost('createTask', failingWorkflow(name));
  await callHost('startTask', created.task_id);
  await expect.poll(async () => (await callHost('getTask', created.task_id)).status, { timeout: 30_000 }).toBe('failed');
  await page.addInitScript(() => localStorage.setItem('deduction-console-language', 'en'));
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  const slashed = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${created.task_id}"]`).click();
  await page.locator('.node-tree [data-node-id="bad-1"]').click();
  await expect(page.getByTestId('node-detail')).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(slashed);
  await page.getByTestId('tab-logs').click();
  const from = page.locator('.log-filter--time input').first();
  await expect(from).toHaveAttribute('type', 'text');
  await expect(from).toHaveAttribute('placeholder', 'e.g. 2026-12-07 21:30:00');
  await from.fill('2026-12-07 21:30');
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  await from.fill('12/07/2026');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('en-logs-time.png') });
  await page.getByTestId('nav-triggers').click();
  await page.getByTestId('nav-tasks').click();
  expect(await page.locator('body').innerText()).not.toMatch(slashed);
});
