import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

const agent = (nodeId: string, parentId: string, extra: Partial<WorkflowNodeDefinition> = {}): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'agent', parentId, agentLoad: 'sim', agentConfig: { steps: 2, outcome: 'completed', failTimes: 0, durationMs: 300 }, ...extra }) as WorkflowNodeDefinition;
const container = (nodeId: string, parentId: string | null, children: string[]): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'container', ...(parentId === null ? { isRoot: true } : { parentId }), children }) as WorkflowNodeDefinition;

/** `groups` containers under the root, each with `size` agents in a chain of two waves. */
function workflow(name: string, groups: number, size: number): WorkflowDefinition {
  const nodes: WorkflowNodeDefinition[] = [];
  const groupIds = Array.from({ length: groups }, (_, g) => `group-${g + 1}`);
  groupIds.forEach((groupId, g) => {
    const ids = Array.from({ length: size }, (_, i) => `g${g + 1}-agent-${i + 1}`);
    nodes.push(container(groupId, 'ops', ids));
    ids.forEach((id, i) => nodes.push(agent(id, groupId, i >= size / 2 ? { dependencies: [{ sourceNodeId: ids[0] as string, type: 'success' }] } : {})));
  });
  return { name, version: '1.0.0', nodes: [container('ops', null, groupIds), ...nodes] };
}

interface WallMeasure {
  /** Smallest text of the graph as drawn on screen: its computed size times the flow's zoom. */
  smallestNodeText: number;
  /** The share of the graph panel the drawing covers, across and down. */
  fillX: number;
  fillY: number;
  figures: Record<string, number>;
  cards: number;
  /** Whether the wall fits the window across (nothing pushed off its right edge). */
  fitsAcross: boolean;
}

async function measure(page: Page): Promise<WallMeasure> {
  return page.getByTestId('wall-graph').evaluate((panel) => {
    const transform = getComputedStyle(panel.querySelector('.react-flow__viewport')!).transform;
    const zoom = new DOMMatrixReadOnly(transform).a;
    const texts = Array.from(panel.querySelectorAll('.wall-title, .wall-status, .wall-percent, .wall-counts span'));
    const smallestNodeText = Math.min(...texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * zoom));
    const nodes = Array.from(panel.querySelectorAll('.react-flow__node')).map((node) => node.getBoundingClientRect());
    const area = panel.getBoundingClientRect();
    const fillX = (Math.max(...nodes.map((box) => box.right)) - Math.min(...nodes.map((box) => box.left))) / area.width;
    const fillY = (Math.max(...nodes.map((box) => box.bottom)) - Math.min(...nodes.map((box) => box.top))) / area.height;
    const figures = Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="wall-figure-"]')).map((figure) => {
        const value = figure.querySelector('dd .status-badge') ?? figure.querySelector('dd')!;
        return [figure.dataset['testid']!.slice('wall-figure-'.length), parseFloat(getComputedStyle(value).fontSize)];
      }),
    );
    const wall = document.querySelector('[data-testid="presentation"]')!;
    return { smallestNodeText, fillX, fillY, figures, cards: panel.querySelectorAll('.wall-card').length, fitsAcross: wall.scrollWidth <= window.innerWidth };
  });
}

async function present(page: Page, taskId: string, language: string): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('deduction-console-language', lang), language);
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await page.getByTestId('present').click();
  await expect(page.getByTestId('wall-graph').locator('.wall-card').first()).toBeVisible();
}

function expectReadable(wall: WallMeasure): void {
  expect(wall.fitsAcross).toBe(true);
  expect(wall.smallestNodeText).toBeGreaterThanOrEqual(24);
  expect(Math.max(wall.fillX, wall.fillY)).toBeGreaterThanOrEqual(0.85);
  for (const key of ['status', 'progress', 'running', 'failed', 'elapsed']) expect(wall.figures[key]).toBeGreaterThan(wall.smallestNodeText);
  for (const minor of ['completed', 'skipped', 'total']) expect(wall.figures[minor]).toBeLessThan(wall.figures['progress'] as number);
}

test('a wall screen at 1920×1080 draws a small task whole, filling the screen, with 24 px text and the key figures largest', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const name = `Wall small ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', workflow(name, 2, 4));
  await callHost('startTask', taskId);
  await present(page, taskId, 'en');
  await expect(page.getByTestId('wall-node-g2-agent-4')).toBeVisible();
  await expect(page.getByTestId('wall-note')).toHaveCount(0);
  const wall = await measure(page);
  await page.screenshot({ path: '/tmp/i21-present-small-en-1920.png' });
  expect(wall.cards).toBe(8);
  expectReadable(wall);
});

test('a wall screen shows a large task with its containers collapsed, and in Chinese at 1366×768 too', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const name = `Wall large ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', workflow(name, 6, 40));
  await callHost('startTask', taskId);
  await present(page, taskId, 'en');
  await expect(page.getByTestId('wall-note')).toHaveAttribute('data-detail', 'collapsed');
  await expect(page.getByTestId('wall-note')).toContainText('240 agents');
  await expect(page.getByTestId('wall-node-group-6')).toBeVisible();
  const wall = await measure(page);
  await page.screenshot({ path: '/tmp/i21-present-large-en-1920.png' });
  expect(wall.cards).toBe(6);
  expectReadable(wall);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('present-exit').click();
  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByTestId('present').click();
  await expect(page.getByTestId('wall-note')).toContainText('折叠');
  await expect(page.getByTestId('wall-figure-progress')).toContainText('进度');
  await expect(page.getByTestId('wall-node-group-6')).toBeVisible();
  const small = await measure(page);
  await page.screenshot({ path: '/tmp/i21-present-large-zh-1366.png' });
  expectReadable(small);
});

test('a wall screen pages the top level when even its cards cannot all be read at once', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const name = `Wall paged ${Date.now()}`;
  const { task_id: taskId } = await callHost('createTask', workflow(name, 40, 2));
  await present(page, taskId, 'en');
  await expect(page.getByTestId('wall-note')).toHaveAttribute('data-detail', 'paged');
  const first = await measure(page);
  await expect(page.getByTestId('wall-page')).toContainText(/^Page 1 of \d+$/);
  await page.screenshot({ path: '/tmp/i21-present-paged-en-1366.png' });
  expectReadable(first);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByTestId('wall-page')).toContainText(/^Page 2 of/);
  await expect(page.getByTestId('wall-node-group-1')).toHaveCount(0);
});
