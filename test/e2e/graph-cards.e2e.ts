import { expect, test, type Locator, type Page } from '@playwright/test';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

/** Agent ids as long as real ones, alike but for their end, so a cut id cannot be told apart. */
const AGENTS = Array.from({ length: 6 }, (_, index) => `wave-09-agent-00${index + 1}-reconcile-inventory`);
const CONDITION = { '>=': [{ var: 'result.score' }, 0.75] };

function cardsWorkflow(name: string): WorkflowDefinition {
  const agents: WorkflowNodeDefinition[] = AGENTS.map(
    (nodeId, index) =>
      ({
        nodeId,
        nodeType: 'agent',
        parentId: 'wave-09-containers',
        agentLoad: 'sim',
        agentConfig: { steps: 2, outcome: 'completed', durationMs: 100 },
        ...(index > 0 ? { dependencies: [{ sourceNodeId: AGENTS[index - 1], type: 'success', ...(index === 1 ? { condition: CONDITION } : {}) }] } : {}),
      }) as WorkflowNodeDefinition,
  );
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: ['wave-09-containers'] } as WorkflowNodeDefinition,
      { nodeId: 'wave-09-containers', nodeType: 'container', parentId: 'ops', children: AGENTS } as WorkflowNodeDefinition,
      ...agents,
    ],
  };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
});

async function openTask(page: Page, definition: WorkflowDefinition): Promise<void> {
  const { task_id: taskId } = await callHost('createTask', definition);
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(definition.name);
}

async function openGraph(page: Page, definition: WorkflowDefinition): Promise<void> {
  await openTask(page, definition);
  await page.getByTestId('tab-graph').click();
  const last = definition.nodes[definition.nodes.length - 1]!.nodeId;
  await expect(page.getByTestId(`graph-node-${last}`)).toBeVisible({ timeout: 20_000 });
  // The fit waits for xyflow to have measured the nodes, then for the panel's size.
  await page.waitForTimeout(400);
}

async function openEditor(page: Page, definition: WorkflowDefinition): Promise<void> {
  const saved = await callHost('saveTemplate', { definition });
  if (!saved.ok) throw new Error('the store refused the workflow');
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${saved.template.name}`).click();
  await expect(page.locator('.wf-agent')).toHaveCount(AGENTS.length, { timeout: 20_000 });
}

/** Whether each element shows all of its text: nothing cut off across or below. */
const wholeTexts = (titles: Locator) =>
  titles.evaluateAll((elements) => elements.map((element) => ({ text: element.textContent, whole: element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight })));

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const rects = (elements: Locator) => elements.evaluateAll((list) => list.map((element) => element.getBoundingClientRect().toJSON() as Rect));

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

test('cards show whole ids and edges their whole label on hover, clear of the cards, in the editor and the live graph', async ({ page }) => {
  test.setTimeout(90_000);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openEditor(page, cardsWorkflow(`Cards editor ${size.width} ${Date.now()}`));
    await page.screenshot({ path: `/tmp/i21-cards-editor-${size.width}.png` });
    const editorTitles = await wholeTexts(page.locator('.wf-agent .wf-node-title'));
    expect(editorTitles).toHaveLength(AGENTS.length);
    expect(editorTitles.filter((title) => !title.whole)).toEqual([]);
    // The conditional edge: its whole text is the line's tooltip, and its label covers no card.
    const edge = page.locator('.react-flow__edge', { has: page.locator('title', { hasText: 'result.score' }) });
    await expect(edge.locator('title')).toHaveText(/success.*result\.score.*0\.75/);
    const labels = await rects(page.locator('.dep-label'));
    const cards = await rects(page.locator('.wf-agent'));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.flatMap((label) => cards.filter((card) => overlaps(label, card)))).toEqual([]);

    await openGraph(page, cardsWorkflow(`Cards ${size.width} ${Date.now()}`));
    await page.screenshot({ path: `/tmp/i21-cards-graph-${size.width}.png` });
    const graphTitles = await wholeTexts(page.locator('.graph-agent .graph-node-title'));
    expect(graphTitles).toHaveLength(AGENTS.length);
    expect(graphTitles.filter((title) => !title.whole)).toEqual([]);
    await expect(page.locator('.graph-edge title', { hasText: 'result.score' })).toHaveCount(1);
  }
});

/** Three agents: at its natural size far smaller than a 1920×1080 window. */
function smallWorkflow(name: string): WorkflowDefinition {
  const ids = ['probe-a', 'probe-b', 'probe-c'];
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'small-root', nodeType: 'container', isRoot: true, children: ids } as WorkflowNodeDefinition,
      ...ids.map((nodeId, index) => ({ nodeId, nodeType: 'agent', parentId: 'small-root', agentLoad: 'sim', ...(index > 0 ? { dependencies: [{ sourceNodeId: ids[index - 1], type: 'success' }] } : {}) }) as WorkflowNodeDefinition),
    ],
  };
}

async function graphFill(page: Page): Promise<{ across: number; down: number }> {
  return page.getByTestId('live-graph').evaluate((panel) => {
    const view = panel.getBoundingClientRect();
    const boxes = Array.from(panel.querySelectorAll('.react-flow__node')).map((node) => node.getBoundingClientRect());
    const left = Math.min(...boxes.map((box) => box.left));
    const right = Math.max(...boxes.map((box) => box.right));
    const top = Math.min(...boxes.map((box) => box.top));
    const bottom = Math.max(...boxes.map((box) => box.bottom));
    return { across: (right - left) / view.width, down: (bottom - top) / view.height };
  });
}

test('at 1920×1080 the tree gives its columns their content\'s width, and the live graph fills the view with its minimap clear of every node', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openTask(page, cardsWorkflow(`Columns ${Date.now()}`));
  const tree = page.getByTestId('node-tree');
  await expect(tree.locator(`[data-node-id="${AGENTS[5]}"]`)).toBeVisible();
  await page.screenshot({ path: '/tmp/i21-cards-tree-1920.png' });
  const columns = await tree.locator('.tree-head-row [role="columnheader"]').evaluateAll((heads) => heads.map((head) => head.getBoundingClientRect().width));
  const gridWidth = await tree.locator('.tree-grid').evaluate((grid) => grid.getBoundingClientRect().width);
  expect(columns[0]! / gridWidth).toBeLessThan(0.4);
  const names = await wholeTexts(tree.locator('.tree-name'));
  expect(names.filter((name) => !name.whole)).toEqual([]);

  await page.getByTestId('tab-graph').click();
  await expect(page.getByTestId(`graph-node-${AGENTS[5]}`)).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/i21-cards-graph-wide-1920.png' });
  const minimap = (await page.locator('.graph-minimap-panel').boundingBox())!;
  const nodes = await rects(page.locator('.react-flow__node'));
  expect(nodes.filter((node) => overlaps(node, minimap))).toEqual([]);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openGraph(page, smallWorkflow(`Small ${size.width} ${Date.now()}`));
    await page.screenshot({ path: `/tmp/i21-cards-graph-small-${size.width}.png` });
    const fill = await graphFill(page);
    expect(Math.max(fill.across, fill.down)).toBeGreaterThanOrEqual(0.85);
    const map = (await page.locator('.graph-minimap-panel').boundingBox())!;
    expect((await rects(page.locator('.react-flow__node'))).filter((node) => overlaps(node, map))).toEqual([]);
  }
});
