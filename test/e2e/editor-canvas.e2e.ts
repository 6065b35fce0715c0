import { expect, test, type Page } from '@playwright/test';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

/** A root that covers the whole view, a container "group" and inside it b after a (the store refuses a cycle; the test draws it). */
function groupWorkflow(name: string): WorkflowDefinition {
  return {
    name,
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['group'], layout: { x: 0, y: 0, width: 1400, height: 900 } },
      { nodeId: 'group', nodeType: 'container', parentId: 'root', children: ['a', 'b'], layout: { x: 40, y: 60, width: 700, height: 300 } },
      { nodeId: 'a', nodeType: 'agent', parentId: 'group', agentLoad: 'sim', layout: { x: 40, y: 80 } },
      { nodeId: 'b', nodeType: 'agent', parentId: 'group', agentLoad: 'sim', layout: { x: 400, y: 80 }, dependencies: [{ sourceNodeId: 'a', type: 'success' }] },
    ],
  };
}

async function openTemplate(page: Page, definition: WorkflowDefinition): Promise<void> {
  const saved = await callHost('saveTemplate', { definition });
  if (!saved.ok) throw new Error('the store refused the workflow');
  await page.addInitScript(() => localStorage.setItem('deduction-console-language', 'en'));
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${saved.template.name}`).click();
  await expect(page.getByTestId('agent-node-a')).toBeVisible();
}

const viewportTransform = (page: Page) => page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);
const nodeTransform = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((element) => (element as HTMLElement).style.transform);

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 5; step++) await page.mouse.move(from.x + (by.x * step) / 5, from.y + (by.y * step) / 5);
  await page.mouse.up();
}

test('dragging empty space inside a container pans the view; a container moves by its header', async ({ page }, testInfo) => {
  await openTemplate(page, groupWorkflow('Canvas pan'));
  await expect(page.getByTestId('editor-dirty')).toHaveCount(0);

  const rootBefore = await nodeTransform(page, 'root');
  const viewBefore = await viewportTransform(page);
  // Empty space of the root, below the group, clear of the panels over the corners.
  const group = await page.getByTestId('container-node-group').boundingBox();
  if (!group) throw new Error('no group');
  await drag(page, { x: group.x + group.width / 2, y: group.y + group.height + 60 }, { x: -120, y: -80 });
  expect(await viewportTransform(page)).not.toBe(viewBefore);
  expect(await nodeTransform(page, 'root')).toBe(rootBefore);
  await expect(page.getByTestId('editor-dirty')).toHaveCount(0);

  // Empty space inside a nested container pans too.
  const groupBefore = await nodeTransform(page, 'group');
  const viewMid = await viewportTransform(page);
  const inside = await page.getByTestId('container-node-group').boundingBox();
  if (!inside) throw new Error('no group');
  await drag(page, { x: inside.x + inside.width / 2, y: inside.y + inside.height - 20 }, { x: 60, y: 40 });
  expect(await viewportTransform(page)).not.toBe(viewMid);
  expect(await nodeTransform(page, 'group')).toBe(groupBefore);
  await expect(page.getByTestId('editor-dirty')).toHaveCount(0);

  // The header moves the container, and that is an edit.
  const head = await page.getByTestId('container-node-group').locator('.wf-container-head').boundingBox();
  if (!head) throw new Error('no header');
  await drag(page, { x: head.x + head.width / 2, y: head.y + head.height / 2 }, { x: 80, y: 60 });
  expect(await nodeTransform(page, 'group')).not.toBe(groupBefore);
  await expect(page.getByTestId('editor-dirty')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('editor-canvas-pan.png') });
});

test('Shift+wheel pans the view sideways', async ({ page }) => {
  await openTemplate(page, groupWorkflow('Canvas wheel'));
  const group = await page.getByTestId('container-node-group').boundingBox();
  if (!group) throw new Error('no group');
  const before = await viewportTransform(page);
  await page.mouse.move(group.x + group.width / 2, group.y + group.height + 60);
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, -150);
  await page.keyboard.up('Shift');
  await expect.poll(() => viewportTransform(page)).not.toBe(before);
  const [, , , , xBefore, yBefore] = (before.match(/-?[\d.]+/g) ?? []).map(Number);
  const [, , , , xAfter, yAfter] = ((await viewportTransform(page)).match(/-?[\d.]+/g) ?? []).map(Number);
  expect(xAfter).toBeGreaterThan(xBefore!);
  expect(yAfter).toBe(yBefore);
});

test('both edges of a two-node cycle are drawn apart and both are flagged', async ({ page }, testInfo) => {
  await openTemplate(page, groupWorkflow('Canvas cycle'));
  await page.getByTestId('agent-node-b').locator('.react-flow__handle-right').dragTo(page.getByTestId('agent-node-a').locator('.react-flow__handle-left'));
  const edges = page.locator('.react-flow__edge-path.dep-edge');
  await expect(edges).toHaveCount(2);
  const paths = await edges.evaluateAll((elements) => elements.map((element) => element.getAttribute('d')));
  expect(paths[0]).not.toBe(paths[1]);
  await expect(page.locator('.react-flow__edge-path.dep-edge.has-error')).toHaveCount(2);
  // The middles of the two lines lie apart, so each can be seen and clicked.
  const middles = await edges.evaluateAll((elements) =>
    elements.map((element) => {
      const path = element as SVGPathElement;
      const middle = path.getPointAtLength(path.getTotalLength() / 2);
      const screen = new DOMPoint(middle.x, middle.y).matrixTransform(path.getScreenCTM() ?? undefined);
      return { flowY: middle.y, x: screen.x, y: screen.y };
    }),
  );
  expect(Math.abs(middles[0]!.flowY - middles[1]!.flowY)).toBeGreaterThan(40);
  for (const [index, middle] of middles.entries()) {
    await page.mouse.click(middle.x, middle.y);
    await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge.selected')).toHaveAttribute('data-id', (await edges.nth(index).locator('xpath=..').getAttribute('data-id'))!);
  }
  await page.screenshot({ path: testInfo.outputPath('editor-canvas-cycle.png') });
});

test('the first drop from the palette keeps the root and the dropped node in view', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.addInitScript(() => localStorage.setItem('deduction-console-language', 'en'));
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();
  const canvas = page.getByTestId('editor-canvas');
  const area = await canvas.boundingBox();
  const root = await page.getByTestId('container-node-root').boundingBox();
  if (!area || !root) throw new Error('no canvas');
  // Above and left of the root, in the margin the first view leaves: the root grows to take the node in.
  await page.getByTestId('palette-agent').dragTo(canvas, { targetPosition: { x: root.x - area.x - 120, y: root.y - area.y - 120 } });
  await expect(page.getByTestId('agent-node-agent')).toBeVisible();
  const inView = async () => {
    const boxes = [await page.getByTestId('container-node-root').boundingBox(), await page.getByTestId('agent-node-agent').boundingBox()];
    return boxes.every((box) => box !== null && box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height);
  };
  await expect.poll(inView).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('editor-canvas-drop.png') });
});
