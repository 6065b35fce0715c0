import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../../src/shared/task/nodes';
import { wallPlan, WALL_MAX_ZOOM, type WallPlan } from '../../../../src/renderer/src/monitor/presentation/wall-plan';
import { dependency, nodeView, taskNodes } from '../node-views';

const FULL_HD = { width: 1920, height: 900 };

/** A root holding `groups` containers of `size` agents; the second half of each group waits for its first agent. */
function groups(count: number, size: number, status: NodeView['status'] = 'running'): NodeView[] {
  const views: NodeView[] = [nodeView('root', { nodeType: 'container', isRoot: true })];
  for (let g = 1; g <= count; g++) {
    views.push(nodeView(`group-${g}`, { nodeType: 'container', parentId: 'root' }));
    for (let i = 1; i <= size; i++) views.push(nodeView(`g${g}-${i}`, { parentId: `group-${g}`, status, dependencies: i > size / 2 ? [dependency(`g${g}-1`, 'success', 'pending')] : [] }));
  }
  return views;
}

function readable(plan: WallPlan | null): WallPlan {
  expect(plan).not.toBeNull();
  const { zoom, width, height, area: screen } = plan as WallPlan;
  expect(zoom).toBeGreaterThanOrEqual(1);
  expect(zoom).toBeLessThanOrEqual(WALL_MAX_ZOOM);
  // Fitted: the drawing reaches across or down its part of the screen (less the margin).
  expect(Math.max((width * zoom) / screen.width, (height * zoom) / screen.height)).toBeGreaterThan(0.9);
  return plan as WallPlan;
}

describe('the wall screen plan', () => {
  it('draws a small task whole, each container open as a frame around its agents', () => {
    const plan = readable(wallPlan(taskNodes(groups(2, 4)), FULL_HD));
    expect(plan.detail).toBe('all');
    expect(plan.items.filter((item) => item.shape === 'frame').map((item) => item.nodeId)).toEqual(['group-1', 'group-2']);
    expect(plan.items.filter((item) => item.shape === 'agent')).toHaveLength(8);
    expect(plan.agentsNotShown).toBe(0);
    // A dependency's target stands to the right of its source.
    const x = (id: string) => plan.items.find((item) => item.nodeId === id)!.x;
    expect(x('g1-3')).toBeGreaterThan(x('g1-1'));
  });

  it('collapses containers when every agent cannot be drawn with readable text, and says how many agents they hold', () => {
    const plan = readable(wallPlan(taskNodes(groups(6, 40)), FULL_HD));
    expect(plan.detail).toBe('collapsed');
    expect(plan.items.map((item) => item.shape)).toEqual(Array(6).fill('container'));
    expect(plan.agentsNotShown).toBe(240);
  });

  it('shows the top level in pages when even its cards do not fit, every page readable', () => {
    const nodes = taskNodes(groups(80, 2));
    const first = readable(wallPlan(nodes, { width: 1366, height: 600 }));
    expect(first.detail).toBe('paged');
    expect(first.pages).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (let page = 0; page < first.pages; page++) {
      const plan = readable(wallPlan(nodes, { width: 1366, height: 600 }, page));
      expect(plan.page).toBe(page);
      for (const item of plan.items) seen.add(item.nodeId);
    }
    expect(seen.size).toBe(80);
  });

  it('looks through a chain of single containers, and draws a dependency between collapsed containers once, in its worst state', () => {
    const views: NodeView[] = [
      nodeView('root', { nodeType: 'container', isRoot: true }),
      nodeView('only', { nodeType: 'container', parentId: 'root' }),
      ...['a', 'b'].flatMap((side) => [
        nodeView(side, { nodeType: 'container', parentId: 'only' }),
        ...Array.from({ length: 60 }, (_, i) =>
          nodeView(`${side}-${i}`, { parentId: side, dependencies: side === 'b' ? [dependency(`a-${i}`, 'success', i === 7 ? 'unsatisfiable' : 'satisfied')] : [] }),
        ),
      ]),
    ];
    const plan = readable(wallPlan(taskNodes(views), FULL_HD));
    expect(plan.scopeId).toBe('only');
    expect(plan.items.map((item) => item.nodeId)).toEqual(['a', 'b']);
    expect(plan.edges).toEqual([{ id: 'a->b', source: 'a', target: 'b', state: 'unsatisfiable' }]);
  });

  it('stretches a tiny graph to fill the screen instead of blowing its text up past the key figures', () => {
    const plan = readable(wallPlan(taskNodes([nodeView('root', { nodeType: 'container', isRoot: true }), nodeView('one', { parentId: 'root' })]), FULL_HD));
    expect(plan.zoom).toBe(WALL_MAX_ZOOM);
    expect(plan.items[0]!.width * plan.zoom).toBeGreaterThan(FULL_HD.width * 0.9);
  });
});
