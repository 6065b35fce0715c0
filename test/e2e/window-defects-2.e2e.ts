import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

/** Ids far past two card lines, alike but for their end. */
const LONG_IDS = Array.from({ length: 3 }, (_, index) => `region-eu-west-datacenter-frankfurt-02-wave-09-agent-00${index + 1}-reconcile-inventory-ledger`);
const LONG_CONTAINER = 'maintenance-window-for-the-frankfurt-datacenter-rack-07-and-its-storage-array-replacement';

/** The long-named container holds one card, so its name is far wider than its children. */
function longIdsWorkflow(name: string): WorkflowDefinition {
  const agent = (nodeId: string, parentId: string, source?: string) =>
    ({ nodeId, nodeType: 'agent', parentId, agentLoad: 'sim', ...(source ? { dependencies: [{ sourceNodeId: source, type: 'success' }] } : {}) }) as WorkflowNodeDefinition;
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'ops', nodeType: 'container', isRoot: true, children: [LONG_CONTAINER, LONG_IDS[1], LONG_IDS[2]] } as WorkflowNodeDefinition,
      { nodeId: LONG_CONTAINER, nodeType: 'container', parentId: 'ops', children: [LONG_IDS[0]] } as WorkflowNodeDefinition,
      agent(LONG_IDS[0]!, LONG_CONTAINER),
      agent(LONG_IDS[1]!, 'ops', LONG_IDS[0]),
      agent(LONG_IDS[2]!, 'ops', LONG_IDS[1]),
    ],
  };
}

/**
 * Four cards as ELK lays them out (the editor's Auto-layout); `report` also depends on `collect`,
 * whose line passes close under `analyse`, and `publish` on all three.
 */
function skippingWorkflow(name: string): WorkflowDefinition {
  const agent = (nodeId: string, x: number, y: number, sources: string[]) =>
    ({ nodeId, nodeType: 'agent', parentId: 'skip-root', agentLoad: 'sim', layout: { x, y, width: 200, height: 64 }, dependencies: sources.map((sourceNodeId) => ({ sourceNodeId, type: 'success' })) }) as WorkflowNodeDefinition;
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'skip-root', nodeType: 'container', isRoot: true, children: ['collect', 'analyse', 'report', 'publish'], layout: { x: 0, y: 0, width: 1167, height: 215 } } as WorkflowNodeDefinition,
      agent('collect', 24, 121, []),
      agent('analyse', 337, 85, ['collect']),
      agent('report', 640, 126, ['analyse', 'collect']),
      agent('publish', 943, 52, ['report', 'collect', 'analyse']),
    ],
  };
}

/** A chain of ten agents: laid out, far wider than high. */
const CHAIN = Array.from({ length: 10 }, (_, index) => `step-${String(index + 1).padStart(2, '0')}`);
function chainWorkflow(name: string): WorkflowDefinition {
  return {
    name,
    version: '1.0.0',
    nodes: [
      { nodeId: 'chain-root', nodeType: 'container', isRoot: true, children: CHAIN } as WorkflowNodeDefinition,
      ...CHAIN.map((nodeId, index) => ({ nodeId, nodeType: 'agent', parentId: 'chain-root', agentLoad: 'sim', ...(index > 0 ? { dependencies: [{ sourceNodeId: CHAIN[index - 1], type: 'success' }] } : {}) }) as WorkflowNodeDefinition),
    ],
  };
}

async function setLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.addInitScript((lang) => {
    localStorage.setItem('deduction-console-language', lang);
    localStorage.setItem('deduction-console-theme', 'light');
  }, language);
}

async function openGraph(page: Page, definition: WorkflowDefinition): Promise<void> {
  const { task_id: taskId } = await callHost('createTask', definition);
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('task-name')).toHaveText(definition.name);
  await page.getByTestId('tab-graph').click();
  const last = definition.nodes[definition.nodes.length - 1]!.nodeId;
  await expect(page.getByTestId(`graph-node-${last}`)).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(400);
}

async function openEditor(page: Page, definition: WorkflowDefinition): Promise<void> {
  const saved = await callHost('saveTemplate', { definition });
  if (!saved.ok) throw new Error('the store refused the workflow');
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${saved.template.name}`).click();
  await expect(page.locator('.wf-agent').first()).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300);
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * For each card and container header: whether its title shows its whole text inside the node's
 * own box (nothing cut, nothing spilling out), and the boxes of the agent cards.
 */
async function titlesInBoxes(page: Page, card: string, title: string, head: string) {
  return page.locator('.react-flow__node').evaluateAll(
    (nodes, selectors) =>
      nodes.flatMap((node) => {
        const box = node.getBoundingClientRect();
        const text = node.querySelector<HTMLElement>(`${selectors.card} ${selectors.title}, ${selectors.head} ${selectors.title}`);
        if (!text) return [];
        const inner = text.getBoundingClientRect();
        const header = node.querySelector(selectors.head)?.getBoundingClientRect();
        return [
          {
            text: text.textContent,
            kind: header ? 'container' : 'agent',
            whole: text.scrollWidth <= text.clientWidth + 1 && text.scrollHeight <= text.clientHeight + 1,
            inside: inner.left >= box.left - 1 && inner.right <= box.right + 1 && inner.top >= box.top - 1 && inner.bottom <= box.bottom + 1,
            box: box.toJSON() as { x: number; y: number; width: number; height: number },
          },
        ];
      }),
    { card, title, head },
  );
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

function checkTitles(titles: Awaited<ReturnType<typeof titlesInBoxes>>, size: { width: number }): void {
  const long = [...LONG_IDS, LONG_CONTAINER];
  expect(titles.filter((title) => long.includes(title.text ?? '')).map((title) => title.text).sort(), `${size.width}`).toEqual([...long].sort());
  expect(titles.filter((title) => !title.whole || !title.inside), `${size.width}: titles cut or spilling out`).toEqual([]);
  const cards = titles.filter((title) => title.kind === 'agent').map((title) => title.box);
  const clashes = cards.flatMap((a, i) => cards.slice(i + 1).filter((b) => overlaps(a, b)));
  expect(clashes, `${size.width}: cards overlapping`).toEqual([]);
}

// A fresh page per language: the window reads its language when it loads, and these visits change only the URL's hash.
for (const [language, size] of [
  ['en', SIZES[0]],
  ['zh-CN', SIZES[1]],
] as const) {
  test(`an agent id of any length and a container name wider than its children are shown whole on editor and live-graph cards (${language}, ${size.width})`, async ({ page }) => {
    test.setTimeout(90_000);
    await setLanguage(page, language);
    await page.setViewportSize(size);
    await openEditor(page, longIdsWorkflow(`Long ids ${language} ${Date.now()}`));
    await page.screenshot({ path: `/tmp/i21-rest-editor-long-${language}-${size.width}.png` });
    checkTitles(await titlesInBoxes(page, '.wf-agent', '.wf-node-title', '.wf-container-head'), size);
    // A container's header stays above its children.
    const head = (await page.getByTestId(`container-node-${LONG_CONTAINER}`).locator('.wf-container-head').boundingBox())!;
    const child = (await page.getByTestId(`agent-node-${LONG_IDS[0]}`).boundingBox())!;
    expect(head.y + head.height).toBeLessThanOrEqual(child.y);

    // Every edge label clear of every card, the one whose line passes over a card too.
    await openEditor(page, skippingWorkflow(`Skipping ${language} ${Date.now()}`));
    await expect(page.locator('.dep-label')).toHaveCount(6);
    await page.screenshot({ path: `/tmp/i21-rest-editor-labels-${language}-${size.width}.png` });
    const labels = await page.locator('.dep-label').evaluateAll((list) => list.map((label) => label.getBoundingClientRect().toJSON() as Rect));
    const cards = await page.locator('.wf-agent').evaluateAll((list) => list.map((card) => card.getBoundingClientRect().toJSON() as Rect));
    expect(cards).toHaveLength(4);
    expect(labels.flatMap((label) => cards.filter((card) => overlaps(label, card)))).toEqual([]);
    expect(labels.flatMap((label, i) => labels.slice(i + 1).filter((other) => overlaps(label, other)))).toEqual([]);

    await openGraph(page, longIdsWorkflow(`Long ids graph ${language} ${Date.now()}`));
    await page.screenshot({ path: `/tmp/i21-rest-graph-long-${language}-${size.width}.png` });
    checkTitles(await titlesInBoxes(page, '.graph-agent', '.graph-node-title', '.graph-container-head'), size);
    const graphHead = (await page.getByTestId(`graph-node-${LONG_CONTAINER}`).locator('.graph-container-head').boundingBox())!;
    const graphChild = (await page.getByTestId(`graph-node-${LONG_IDS[0]}`).boundingBox())!;
    expect(graphHead.y + graphHead.height).toBeLessThanOrEqual(graphChild.y);
  });
}

/** How much of the live graph's panel the laid-out nodes span, across and down. */
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

test('a long chain fills the live graph in both directions instead of one thin line across an empty view', async ({ page }) => {
  test.setTimeout(90_000);
  await setLanguage(page, 'en');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openGraph(page, chainWorkflow(`Chain ${size.width} ${Date.now()}`));
    await page.screenshot({ path: `/tmp/i21-rest-graph-chain-${size.width}.png` });
    const fill = await graphFill(page);
    expect(Math.min(fill.across, fill.down), JSON.stringify(fill)).toBeGreaterThanOrEqual(0.5);
  }
});
