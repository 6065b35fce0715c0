import ELK from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../../src/shared/workflow/definition';
import { ELK_NODE_LIMIT, layeredGrid, layOutGraph, withParents } from '../../../../src/renderer/src/monitor/graph/graph-layout';
import { AGENT_SIZE, containerMinWidth } from '../../../../src/renderer/src/editor/model/geometry';
import { sampleWorkflow } from '../../editor/fixtures';

const withoutLayout = (definition: WorkflowDefinition): WorkflowDefinition => ({ ...definition, nodes: definition.nodes.map(({ layout: _layout, ...node }) => node) });

/** A root with `count` agents in waves of `wave`, each agent waiting on one of the wave before. */
function waves(count: number, wave: number): WorkflowDefinition {
  const nodes: WorkflowDefinition['nodes'] = [{ nodeId: 'root', nodeType: 'container', isRoot: true }];
  for (let i = 0; i < count; i++) {
    nodes.push({ nodeId: `a${i}`, nodeType: 'agent', parentId: 'root', ...(i >= wave ? { dependencies: [{ sourceNodeId: `a${i - wave}`, type: 'success' as const }] } : {}) });
  }
  return { name: 'waves', nodes };
}

describe('graph layout', () => {
  it('keeps a workflow’s own layout', async () => {
    const definition = sampleWorkflow();
    let asked = false;
    expect(
      await layOutGraph(definition, async () => {
        asked = true;
        return new ELK();
      }),
    ).toBe(definition);
    expect(asked).toBe(false);
  });

  it('lays out a workflow without one with ELK, like the editor', async () => {
    const laidOut = await layOutGraph(withoutLayout(sampleWorkflow()), async () => new ELK());
    expect(laidOut.nodes.every((node) => node.layout !== undefined)).toBe(true);
    const fetch = laidOut.nodes.find((node) => node.nodeId === 'fetch')!.layout!;
    const stage = laidOut.nodes.find((node) => node.nodeId === 'stage')!.layout!;
    expect(stage.x).toBeGreaterThan(fetch.x);
  });

  it('takes parents from the task’s nodes when the file named only children', () => {
    const definition: WorkflowDefinition = { name: 'x', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true, children: ['a'] }, { nodeId: 'a', nodeType: 'agent' }] };
    const patched = withParents(definition, new Map([['root', null], ['a', 'root']]));
    expect(patched.nodes[1]?.parentId).toBe('root');
    expect(withParents(patched, new Map([['a', 'root']]))).toBe(patched);
  });

  it('past the ELK limit, lays each container’s children in columns by dependency rank without ELK', async () => {
    const big = waves(ELK_NODE_LIMIT + 10, 100);
    const laidOut = await layOutGraph(big, () => Promise.reject(new Error('ELK must not be asked')));
    const at = (id: string) => laidOut.nodes.find((node) => node.nodeId === id)!.layout!;
    expect(at('a100').x).toBeGreaterThan(at('a0').x);
    expect(at('a1').x).toBe(at('a0').x);
    const root = at('root');
    for (const node of laidOut.nodes.filter((entry) => entry.parentId === 'root')) {
      expect(node.layout!.x + AGENT_SIZE.width).toBeLessThanOrEqual(root.width!);
      expect(node.layout!.y + AGENT_SIZE.height).toBeLessThanOrEqual(root.height!);
    }
  });

  it('wraps a wide wave into several columns and sizes nested containers to fit', () => {
    const definition: WorkflowDefinition = {
      name: 'nested',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'box', nodeType: 'container', parentId: 'root' },
        ...Array.from({ length: 16 }, (_, i) => ({ nodeId: `b${i}`, nodeType: 'agent' as const, parentId: 'box' })),
        { nodeId: 'after', nodeType: 'agent', parentId: 'root', dependencies: [{ sourceNodeId: 'box', type: 'finish' }] },
      ],
    };
    const laidOut = layeredGrid(definition);
    const at = (id: string) => laidOut.nodes.find((node) => node.nodeId === id)!.layout!;
    expect(new Set(Array.from({ length: 16 }, (_, i) => at(`b${i}`).x)).size).toBe(4);
    expect(at('box').width).toBeGreaterThanOrEqual(at('b15').x + AGENT_SIZE.width);
    expect(at('after').x).toBeGreaterThanOrEqual(at('box').x + at('box').width!);
  });

  it('survives a dependency cycle among siblings', () => {
    const definition: WorkflowDefinition = {
      name: 'cycle',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'a', nodeType: 'agent', parentId: 'root', dependencies: [{ sourceNodeId: 'b', type: 'finish' }] },
        { nodeId: 'b', nodeType: 'agent', parentId: 'root', dependencies: [{ sourceNodeId: 'a', type: 'finish' }] },
      ],
    };
    expect(layeredGrid(definition).nodes.every((node) => node.layout !== undefined)).toBe(true);
  });
});

describe('graph layout of long chains, long ids and long names', () => {
  const chain = (count: number, id = (i: number) => `step-${i}`): WorkflowDefinition => ({
    name: 'chain',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true },
      ...Array.from({ length: count }, (_, i) => ({ nodeId: id(i), nodeType: 'agent' as const, parentId: 'root', ...(i > 0 ? { dependencies: [{ sourceNodeId: id(i - 1), type: 'success' as const }] } : {}) })),
    ],
  });
  const root = (definition: WorkflowDefinition) => {
    const { width = 0, height = 1 } = definition.nodes.find((node) => node.isRoot)!.layout!;
    return { width, height };
  };

  it('wraps a long chain into rows that suit the view’s shape instead of one thin line', async () => {
    const wide = root(await layOutGraph(chain(10), async () => new ELK()));
    const wrapped = root(await layOutGraph(chain(10), async () => new ELK(), { width: 1920, height: 960 }));
    const small = root(await layOutGraph(chain(3), async () => new ELK(), { width: 1920, height: 960 }));
    expect(small.width / small.height).toBeGreaterThan(4);
    expect(wide.width / wide.height).toBeGreaterThan(10);
    expect(wrapped.width / wrapped.height).toBeLessThan(4);
  });

  it('lays out unwrapped when ELK cannot wrap a graph', async () => {
    let calls = 0;
    const elk = new ELK();
    const picky: Pick<ElkApi, 'layout'> = { layout: (graph) => (calls++ === 1 ? Promise.reject(new Error('wrapping failed')) : elk.layout(graph)) };
    const laidOut = await layOutGraph(chain(10), async () => picky, { width: 1366, height: 600 });
    expect(calls).toBe(2);
    expect(laidOut.nodes.every((node) => node.layout !== undefined)).toBe(true);
  });

  it('makes a card as tall as its whole id takes, and a container wide enough for its name', async () => {
    const longId = (i: number) => `region-eu-west-datacenter-frankfurt-02-wave-09-agent-00${i}-reconcile-inventory-ledger`;
    const laidOut = layeredGrid(chain(2, longId));
    const card = laidOut.nodes.find((node) => node.nodeId === longId(0))!.layout!;
    expect(card.height).toBeGreaterThan(AGENT_SIZE.height);
    const named: WorkflowDefinition = { name: 'named', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true, containerName: 'maintenance-window-for-the-frankfurt-datacenter-rack-07' }, { nodeId: 'a', nodeType: 'agent', parentId: 'root' }] };
    const container = root(await layOutGraph(named, async () => new ELK()));
    expect(container.width).toBeGreaterThanOrEqual(containerMinWidth('maintenance-window-for-the-frankfurt-datacenter-rack-07'));
    expect(containerMinWidth('maintenance-window-for-the-frankfurt-datacenter-rack-07')).toBeGreaterThan(AGENT_SIZE.width + 48);
    expect(root(layeredGrid(named)).width).toBeGreaterThanOrEqual(containerMinWidth('maintenance-window-for-the-frankfurt-datacenter-rack-07'));
  });
});
