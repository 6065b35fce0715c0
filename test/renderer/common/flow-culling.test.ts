import { describe, expect, it } from 'vitest';
import { covers, cullFlow } from '../../../src/renderer/src/common/flow-culling';

interface TestNode {
  id: string;
  type?: string;
  parentId?: string;
  position: { x: number; y: number };
  width: number;
  height: number;
  hidden?: boolean;
}

const nodes: TestNode[] = [
  { id: 'root', type: 'container', position: { x: 0, y: 0 }, width: 2000, height: 1000 },
  { id: 'near', parentId: 'root', position: { x: 50, y: 50 }, width: 100, height: 40 },
  { id: 'group', type: 'container', parentId: 'root', position: { x: 1000, y: 500 }, width: 900, height: 400 },
  // Placed relative to its container: at 1,100–1,200 across, out of the region.
  { id: 'far', parentId: 'group', position: { x: 100, y: 100 }, width: 100, height: 40 },
  { id: 'below', parentId: 'root', position: { x: 50, y: 900 }, width: 100, height: 40 },
];
const edges: { id: string; source: string; target: string; hidden?: boolean }[] = [
  { id: 'near-far', source: 'near', target: 'far' },
  { id: 'far-below', source: 'far', target: 'below' },
  { id: 'below-far', source: 'below', target: 'far' },
];
const region = { x: 0, y: 0, width: 600, height: 400 };

describe('flow culling', () => {
  it('hides the nodes whose boxes miss the region and the edges whose span misses it', () => {
    const culled = cullFlow(nodes, edges, region);
    expect(culled.nodes.filter((node) => !node.hidden).map((node) => node.id)).toEqual(['root', 'near']);
    // far → below spans 50–1,200 across and 640–940 down: below the region.
    expect(culled.edges.filter((edge) => !edge.hidden).map((edge) => edge.id)).toEqual(['near-far']);
  });

  it('hands back the same objects for what it keeps and for what stays hidden', () => {
    const first = cullFlow(nodes, edges, region);
    const second = cullFlow(nodes, edges, { ...region, x: 10 });
    expect(first.nodes[1]).toBe(nodes[1]);
    expect(second.nodes[3]).toBe(first.nodes[3]);
    expect(second.edges[1]).toBe(first.edges[1]);
    expect(nodes[3]).not.toHaveProperty('hidden');
  });

  it('tells whether one frame lies within another, give or take a slack', () => {
    const view = { x: 100, y: 100, width: 200, height: 100 };
    expect(covers(region, view)).toBe(true);
    expect(covers(view, region)).toBe(false);
    expect(covers(view, { ...view, x: 100.4 - 1 })).toBe(false);
    expect(covers(view, { ...view, x: 100.4 - 1 }, 1)).toBe(true);
  });
});
