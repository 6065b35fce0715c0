import { describe, expect, it } from 'vitest';
import {
  absoluteRect,
  addDependency,
  addNode,
  canReparent,
  connectionRefusal,
  containerAt,
  createWorkflow,
  findNode,
  fitContainers,
  freeSpot,
  moveNodes,
  removeDependencies,
  removeNodes,
  renameNodeId,
  reparentNode,
  settleDrop,
  syncChildren,
  updateDependency,
  updateNode,
} from '../../../src/renderer/src/editor/model/document';
import { CONTAINER_HEADER, CONTAINER_PADDING } from '../../../src/renderer/src/editor/model/geometry';
import { sampleWorkflow } from './fixtures';

describe('workflow document', () => {
  it('starts a new workflow with exactly one root container', () => {
    const definition = createWorkflow('New', 'Main');
    expect(definition.nodes).toHaveLength(1);
    expect(definition.nodes[0]).toMatchObject({ nodeId: 'root', nodeType: 'container', isRoot: true, containerName: 'Main', children: [] });
  });

  it('adds an agent under a container with a unique id and lists it among the container’s children', () => {
    const first = addNode(sampleWorkflow(), { nodeType: 'agent', parentId: 'stage', position: { x: 40, y: 160 }, name: 'Sim 2', agentLoad: 'sim.run' });
    const second = addNode(first.definition, { nodeType: 'agent', parentId: 'stage', position: { x: 40, y: 260 }, name: 'Sim 3', agentLoad: 'sim.run' });
    expect(first.nodeId).toBe('sim.run');
    expect(second.nodeId).toBe('sim.run-2');
    expect(findNode(second.definition, 'stage')?.children).toEqual(['simulate', 'report', 'sim.run', 'sim.run-2']);
    expect(findNode(second.definition, 'sim.run-2')).toMatchObject({ parentId: 'stage', agentLoad: 'sim.run', layout: { x: 40, y: 260 } });
  });

  it('grows the container when a new child lands beyond its edge', () => {
    const { definition } = addNode(sampleWorkflow(), { nodeType: 'agent', parentId: 'stage', position: { x: 600, y: 400 }, name: 'Far' });
    const stage = findNode(definition, 'stage');
    expect(stage?.layout?.width).toBe(600 + 200 + CONTAINER_PADDING);
    expect(stage?.layout?.height).toBe(400 + 64 + CONTAINER_PADDING);
    // The root grows in turn to hold the larger stage.
    expect(findNode(definition, 'root')?.layout?.width).toBeGreaterThanOrEqual(300 + 600 + 200 + CONTAINER_PADDING);
  });

  it('moves a container’s origin when a child is pushed past its top-left corner, keeping the child in place on screen', () => {
    const before = sampleWorkflow();
    const pushed = updateNode(before, 'simulate', { layout: { x: -50, y: 10, width: 200, height: 64 } });
    const absoluteBefore = absoluteRect(pushed, 'simulate');
    const fitted = fitContainers(pushed);
    expect(findNode(fitted, 'simulate')?.layout).toMatchObject({ x: CONTAINER_PADDING, y: CONTAINER_HEADER + CONTAINER_PADDING / 2 });
    expect(absoluteRect(fitted, 'simulate')).toMatchObject({ x: absoluteBefore.x, y: absoluteBefore.y });
    expect(findNode(fitted, 'stage')?.layout?.x).toBe(300 - 50 - CONTAINER_PADDING);
  });

  it('removes a container with everything inside it and every dependency on the removed nodes', () => {
    const withEdge = addDependency(sampleWorkflow(), 'report', 'fetch', 'any');
    const next = removeNodes(withEdge, ['stage']);
    expect(next.nodes.map((node) => node.nodeId)).toEqual(['root', 'fetch']);
    expect(findNode(next, 'fetch')?.dependencies).toEqual([]);
    expect(findNode(next, 'root')?.children).toEqual(['fetch']);
  });

  it('never removes the root', () => {
    const definition = sampleWorkflow();
    expect(removeNodes(definition, ['root'])).toBe(definition);
  });

  it('reparents a node into a container keeping its place on screen', () => {
    const definition = sampleWorkflow();
    const before = absoluteRect(definition, 'fetch');
    const next = reparentNode(definition, 'fetch', 'stage');
    expect(findNode(next, 'fetch')?.parentId).toBe('stage');
    expect(findNode(next, 'root')?.children).toEqual(['stage']);
    expect(findNode(next, 'stage')?.children).toContain('fetch');
    const after = absoluteRect(next, 'fetch');
    expect(after.x).toBe(before.x);
    expect(after.y).toBe(before.y);
  });

  it('refuses to put a container inside itself or its own descendant, or anything under an agent', () => {
    const definition = sampleWorkflow();
    expect(canReparent(definition, 'stage', 'stage')).toBe(false);
    expect(canReparent(definition, 'root', 'stage')).toBe(false);
    expect(canReparent(definition, 'fetch', 'simulate')).toBe(false);
    const nested = addNode(definition, { nodeType: 'container', parentId: 'stage', position: { x: 30, y: 160 }, name: 'Inner' });
    expect(canReparent(nested.definition, 'stage', nested.nodeId)).toBe(false);
    expect(reparentNode(nested.definition, 'stage', nested.nodeId)).toBe(nested.definition);
  });

  it('finds the innermost container under a point, skipping the dragged node and its subtree', () => {
    const definition = sampleWorkflow();
    expect(containerAt(definition, { x: 350, y: 200 })).toBe('stage');
    expect(containerAt(definition, { x: 100, y: 450 })).toBe('root');
    expect(containerAt(definition, { x: 350, y: 200 }, new Set(['stage']))).toBe('root');
    expect(containerAt(definition, { x: 5000, y: 5000 })).toBeUndefined();
  });

  it('renames a node id and follows every reference to it', () => {
    const next = renameNodeId(sampleWorkflow(), 'simulate', '模拟');
    expect(findNode(next, '模拟')?.name).toBe('Simulate');
    expect(findNode(next, 'stage')?.children).toEqual(['模拟', 'report']);
    expect(findNode(next, 'report')?.dependencies?.[0]?.sourceNodeId).toBe('模拟');
  });

  it('does not rename onto an id that is taken', () => {
    const definition = sampleWorkflow();
    expect(renameNodeId(definition, 'simulate', 'report')).toBe(definition);
  });

  it('adds, edits and removes dependencies, refusing self and duplicate edges', () => {
    const definition = sampleWorkflow();
    expect(connectionRefusal(definition, 'fetch', 'fetch')).toBe('self');
    expect(connectionRefusal(definition, 'fetch', 'simulate')).toBe('duplicate');
    expect(addDependency(definition, 'fetch', 'simulate')).toBe(definition);
    const added = addDependency(definition, 'fetch', 'report', 'failure');
    expect(findNode(added, 'report')?.dependencies?.[1]).toEqual({ sourceNodeId: 'fetch', type: 'failure' });
    const edited = updateDependency(added, { targetNodeId: 'report', index: 0 }, { type: 'any', condition: undefined });
    expect(findNode(edited, 'report')?.dependencies?.[0]).toEqual({ sourceNodeId: 'simulate', type: 'any' });
    const removed = removeDependencies(edited, [{ targetNodeId: 'report', index: 0 }]);
    expect(findNode(removed, 'report')?.dependencies).toEqual([{ sourceNodeId: 'fetch', type: 'failure' }]);
  });

  it('rewrites children lists from parent ids and drops them from agents', () => {
    const definition = sampleWorkflow();
    const scrambled = updateNode(updateNode(definition, 'stage', { children: ['nope'] }), 'fetch', { children: ['x'] });
    const synced = syncChildren(scrambled);
    expect(findNode(synced, 'stage')?.children).toEqual(['simulate', 'report']);
    expect(findNode(synced, 'fetch')).not.toHaveProperty('children');
  });

  it('leaves unchanged definitions identical, so history sees no edit', () => {
    const definition = sampleWorkflow();
    expect(syncChildren(definition)).toBe(definition);
    expect(fitContainers(definition)).toBe(definition);
  });
});

describe('dropping dragged nodes', () => {
  it('moves a node dropped inside another container into it', () => {
    const dragged = moveNodes(sampleWorkflow(), new Map([['fetch', { x: 380, y: 250 }]]));
    const next = settleDrop(dragged, ['fetch']);
    expect(findNode(next, 'fetch')?.parentId).toBe('stage');
    expect(absoluteRect(next, 'fetch')).toMatchObject({ x: 380, y: 250 });
  });

  it('moves a node dragged out of its container into the container around it', () => {
    const dragged = moveNodes(sampleWorkflow(), new Map([['report', { x: -250, y: 330 }]]));
    const next = settleDrop(dragged, ['report']);
    expect(findNode(next, 'report')?.parentId).toBe('root');
    expect(findNode(next, 'stage')?.children).toEqual(['simulate']);
  });

  it('keeps a node dropped outside every container in the root, which grows to hold it', () => {
    const dragged = moveNodes(sampleWorkflow(), new Map([['report', { x: 900, y: 800 }]]));
    const next = settleDrop(dragged, ['report']);
    expect(findNode(next, 'report')?.parentId).toBe('root');
    const root = absoluteRect(next, 'root');
    const report = absoluteRect(next, 'report');
    expect(root.x + root.width).toBeGreaterThanOrEqual(report.x + report.width);
    expect(root.y + root.height).toBeGreaterThanOrEqual(report.y + report.height);
  });

  it('leaves children dragged together with their container where they are', () => {
    const dragged = moveNodes(sampleWorkflow(), new Map([['stage', { x: 320, y: 80 }]]));
    const next = settleDrop(dragged, ['stage', 'simulate']);
    expect(findNode(next, 'simulate')?.parentId).toBe('stage');
    expect(findNode(next, 'stage')?.parentId).toBe('root');
  });
});

describe('free spot', () => {
  it('puts a new node below what a container holds, or at its top-left when empty', () => {
    expect(freeSpot(sampleWorkflow(), 'stage')).toEqual({ x: CONTAINER_PADDING, y: 60 + 64 + CONTAINER_PADDING });
    const empty = addNode(sampleWorkflow(), { nodeType: 'container', parentId: 'root', position: { x: 40, y: 400 }, name: 'Empty' });
    expect(freeSpot(empty.definition, empty.nodeId)).toEqual({ x: CONTAINER_PADDING, y: CONTAINER_HEADER + CONTAINER_PADDING / 2 });
  });
});
