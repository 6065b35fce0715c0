import { expect, test } from '@playwright/test';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

interface Counts {
  nodes: number;
  titled: number;
  edges: number;
  labels: number;
}

/** A workflow past the editor's large-flow threshold: 600 agents in a grid, each after the one before. */
function gridWorkflow(agents: number): WorkflowDefinition {
  const columns = 30;
  const ids = Array.from({ length: agents }, (_, index) => `a${index}`);
  const nodes: WorkflowNodeDefinition[] = [
    { nodeId: 'root', nodeType: 'container', isRoot: true, children: ids, layout: { x: 0, y: 0, width: columns * 260 + 40, height: Math.ceil(agents / columns) * 120 + 80 } },
    ...ids.map(
      (nodeId, index): WorkflowNodeDefinition => ({
        nodeId,
        nodeType: 'agent',
        parentId: 'root',
        agentLoad: 'sim',
        layout: { x: 20 + (index % columns) * 260, y: 60 + Math.floor(index / columns) * 120 },
        ...(index > 0 ? { dependencies: [{ sourceNodeId: ids[index - 1]!, type: 'success' as const }] } : {}),
      }),
    ),
  ];
  return { name: 'Large grid, 600 agents', nodes };
}

test('a large workflow draws only what is in view, and draws it cheaply while the view moves', async ({ page }) => {
  const saved = await callHost('saveTemplate', { definition: gridWorkflow(600) });
  if (!saved.ok) throw new Error('the store refused the grid workflow');
  await page.addInitScript(() => localStorage.setItem('deduction-console-language', 'en'));
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${saved.template.name}`).click();
  await expect(page.getByTestId('agent-node-a0')).toBeVisible();

  const canvas = page.getByTestId('editor-canvas');
  await expect(canvas).toHaveClass(/\bis-large\b/);
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(300);
  const labels = page.locator('.react-flow__edgelabel-renderer');
  const title = page.getByTestId('agent-node-a0').locator('.wf-node-title');
  await expect(labels).toBeVisible();

  // A wheel step and what the page then shows, in one turn of the page's event loop: the moving
  // look lasts only until the view has been still for 200 ms.
  const moving = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!;
    const box = pane.getBoundingClientRect();
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true, cancelable: true }));
    return {
      canvas: document.querySelector('[data-testid="editor-canvas"]')!.className,
      labels: getComputedStyle(document.querySelector('.react-flow__edgelabel-renderer')!).display,
      title: getComputedStyle(document.querySelector('[data-testid="agent-node-a0"] .wf-node-title')!).visibility,
      edge: getComputedStyle(document.querySelector('.react-flow__edge-path')!).shapeRendering,
    };
  });
  expect(moving).toEqual({ canvas: expect.stringMatching(/\bis-moving\b/), labels: 'none', title: 'hidden', edge: 'optimizespeed' });

  await expect(canvas).not.toHaveClass(/\bis-moving\b/);
  await expect(labels).toBeVisible();
  await expect(title).toHaveCSS('visibility', 'visible');
  await expect(page.locator('.react-flow__edge-path').first()).toHaveCSS('shape-rendering', 'auto');

  // What the page holds, counted in the page, so that a count can follow a wheel step in the same turn.
  await page.evaluate(() => {
    (window as unknown as { drawnCounts: () => Counts }).drawnCounts = () => ({
      nodes: document.querySelectorAll('.react-flow__node-agent').length,
      titled: document.querySelectorAll('.react-flow__node-agent .wf-node-title').length,
      edges: document.querySelectorAll('.react-flow__edge').length,
      labels: document.querySelectorAll('.dep-label').length,
    });
  });
  const drawn = () => page.evaluate(() => (window as unknown as { drawnCounts: () => Counts }).drawnCounts());

  // A zoom keeps to what was in view when it began; what it brings into view fills in at rest.
  const before = await drawn();
  const zooming = await page.evaluate(async () => {
    const pane = document.querySelector('.react-flow__pane')!;
    const box = pane.getBoundingClientRect();
    for (let step = 0; step < 4; step++) pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true, cancelable: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return (window as unknown as { drawnCounts: () => Counts }).drawnCounts();
  });
  expect(zooming.nodes).toBeLessThanOrEqual(before.nodes);
  await expect(canvas).not.toHaveClass(/\bis-moving\b/);
  await expect.poll(async () => (await drawn()).nodes).toBeGreaterThan(before.nodes);
  const zoomedOut = await drawn();
  expect(zoomedOut).toEqual({ nodes: zoomedOut.nodes, titled: zoomedOut.nodes, edges: zoomedOut.edges, labels: zoomedOut.edges });

  // A pan (a click on the overview map) brings nodes and edges into view light, a box and a
  // line, and in full once the view rests. The page counts them on the frame after the click.
  const map = page.locator('.canvas-minimap canvas');
  await map.evaluate((canvas) =>
    canvas.addEventListener('pointerdown', () => requestAnimationFrame(() => ((window as unknown as { panned: Counts }).panned = (window as unknown as { drawnCounts: () => Counts }).drawnCounts())), {
      once: true,
    }),
  );
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
  await expect.poll(() => page.evaluate(() => (window as unknown as { panned?: Counts }).panned)).toBeDefined();
  const panning = await page.evaluate(() => (window as unknown as { panned: Counts }).panned);
  expect(panning.nodes).toBeGreaterThan(0);
  expect(panning.titled).toBeLessThan(panning.nodes);
  expect(panning.labels).toBeLessThan(panning.edges);
  await expect(canvas).not.toHaveClass(/\bis-moving\b/);
  await expect
    .poll(async () => {
      const now = await drawn();
      return now.nodes > 0 && now.titled === now.nodes && now.labels === now.edges;
    })
    .toBe(true);

  // The overview folds away, so that it covers no node in its corner, and comes back.
  const toggle = page.getByTestId('minimap-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(map).toHaveCount(0);
  await toggle.click();
  await expect(map).toBeVisible();
});
