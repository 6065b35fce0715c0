import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { applyElkLayout, autoLayout, EDGE_LABEL_MAX_WIDTH, edgeLabelSize, toElkGraph } from '../../../src/renderer/src/editor/model/auto-layout';
import { absoluteRect, findNode, updateNode } from '../../../src/renderer/src/editor/model/document';
import { sampleWorkflow } from './fixtures';
import { AGENT_SIZE, agentHeight, nodeSize } from '../../../src/renderer/src/editor/model/geometry';

describe('auto-layout', () => {
  it('builds one hierarchical ELK graph: containers hold their children, every dependency is an edge', () => {
    const graph = toElkGraph(sampleWorkflow());
    expect(graph.layoutOptions?.['elk.hierarchyHandling']).toBe('INCLUDE_CHILDREN');
    expect(graph.layoutOptions?.['elk.algorithm']).toBe('layered');
    const root = graph.children?.[0];
    expect(root?.id).toBe('root');
    expect(root?.children?.map((child) => child.id)).toEqual(['fetch', 'stage']);
    expect(root?.children?.[1]?.children?.map((child) => child.id)).toEqual(['simulate', 'report']);
    expect(graph.edges?.map((edge) => [edge.sources[0], edge.targets[0]])).toEqual([
      ['fetch', 'simulate'],
      ['simulate', 'report'],
    ]);
  });

  it('hangs a node with a dangling parent under the root instead of losing it', () => {
    const definition = updateNode(sampleWorkflow(), 'fetch', { parentId: 'ghost' });
    expect(toElkGraph(definition).children?.[0]?.children?.map((child) => child.id)).toContain('fetch');
  });

  it('copies positions and container sizes back, relative to the parent', () => {
    const graph = toElkGraph(sampleWorkflow());
    const stage = graph.children?.[0]?.children?.[1];
    if (!stage) throw new Error('expected the stage');
    Object.assign(stage, { x: 11, y: 22, width: 333, height: 144 });
    const next = applyElkLayout(sampleWorkflow(), graph);
    expect(findNode(next, 'stage')?.layout).toEqual({ x: 11, y: 22, width: 333, height: 144 });
  });

  it('lays out the sample with ELK: dependencies flow left to right and children sit inside their containers', async () => {
    const next = await autoLayout(sampleWorkflow(), new ELK());
    const fetch = absoluteRect(next, 'fetch');
    const simulate = absoluteRect(next, 'simulate');
    const report = absoluteRect(next, 'report');
    expect(simulate.x).toBeGreaterThan(fetch.x + fetch.width);
    expect(report.x).toBeGreaterThan(simulate.x + simulate.width);
    const stage = absoluteRect(next, 'stage');
    for (const child of [simulate, report]) {
      expect(child.x).toBeGreaterThanOrEqual(stage.x);
      expect(child.y).toBeGreaterThanOrEqual(stage.y);
      expect(child.x + child.width).toBeLessThanOrEqual(stage.x + stage.width);
      expect(child.y + child.height).toBeLessThanOrEqual(stage.y + stage.height);
    }
    expect(findNode(next, 'root')?.layout).toMatchObject({ x: 0, y: 0 });
  });
});

describe('edge labels in the layout', () => {
  it('gives each edge a label as wide as its text, capped, so layers leave room for it', () => {
    const graph = toElkGraph(sampleWorkflow());
    const [plain, conditional] = graph.edges ?? [];
    expect(plain?.labels?.[0]?.width).toBe(edgeLabelSize('success', undefined).width);
    expect(conditional?.labels?.[0]?.width).toBeGreaterThan(plain?.labels?.[0]?.width ?? 0);
    expect(edgeLabelSize('finish', { in: ['x'.repeat(500), { var: 'result.tags' }] }).width).toBe(EDGE_LABEL_MAX_WIDTH);
  });
});

describe('card sizes', () => {
  it('gives an agent two title lines at its base height and a line more for each further line of its id', () => {
    expect(agentHeight('fetch')).toBe(AGENT_SIZE.height);
    expect(agentHeight('wave-09-agent-001-reconcile-inventory')).toBe(AGENT_SIZE.height);
    const long = agentHeight('region-eu-west-datacenter-frankfurt-02-wave-09-agent-001-reconcile-inventory-ledger');
    expect(long).toBeGreaterThan(AGENT_SIZE.height);
    expect(agentHeight('区域'.repeat(40))).toBeGreaterThan(long);
    expect(nodeSize({ nodeId: 'region-eu-west-datacenter-frankfurt-02-wave-09-agent-001-reconcile-inventory-ledger', nodeType: 'agent', layout: { x: 0, y: 0, width: 200, height: 64 } }).height).toBe(long);
  });
});
