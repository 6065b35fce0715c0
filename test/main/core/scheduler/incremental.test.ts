import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowDefinitionInput } from '../../../../src/shared/workflow/definition';
import { SchedulerState } from '../../../../src/main/core/scheduler/state';
import { processNode } from '../../../../src/main/core/scheduler/decide';
import { loadTask } from '../../../../src/main/core/scheduler/load';
import { Step } from '../../../../src/main/core/scheduler/step';
import { systemClock } from '../../../../src/main/core/scheduler/timers';
import { transition } from '../../../../src/main/core/scheduler/transitions';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { ManualEngine } from '../../../helpers/manual-engine';
import { harness, recordingLogger, waitForTask, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

/** 10,000 nodes: a hub with 100 dependents, then layers of 99 whose nodes each wait on 1–3 of the layer before. */
function layeredDag(): { definition: WorkflowDefinitionInput; edges: number } {
  let seed = 11;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  type Node = WorkflowDefinitionInput['nodes'][number];
  const nodes: Node[] = [{ nodeId: 'root', nodeType: 'container', isRoot: true }];
  const agent = (nodeId: string, sources: string[]): Node => ({ nodeId, nodeType: 'agent', agentLoad: 'sim', parentId: 'root', dependencies: sources.map((sourceNodeId) => ({ sourceNodeId, type: 'success' as const })) });
  nodes.push(agent('hub', []));
  let previous = Array.from({ length: 100 }, (_, i) => `h${i}`);
  for (const id of previous) nodes.push(agent(id, ['hub']));
  let edges = 100;
  for (let layer = 0; nodes.length < 10_000; layer++) {
    const current: string[] = [];
    for (let i = 0; i < 99 && nodes.length < 10_000; i++) {
      const sources = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => previous[Math.floor(random() * previous.length)]!))];
      edges += sources.length;
      const id = `l${layer}n${i}`;
      nodes.push(agent(id, sources));
      current.push(id);
    }
    previous = current;
  }
  return { definition: { name: 'layered 10,000', nodes }, edges };
}

describe('incremental evaluation on a 10,000-node DAG', () => {
  it('re-evaluates only the edges leaving a node that moved, and decides only their targets', async () => {
    const store = await openTestStore();
    try {
      const { definition } = layeredDag();
      const { task_id } = createTask(store, definition);
      const task = loadTask(store, task_id)!;
      expect(task.nodes.size).toBe(10_000);
      const core = new SchedulerState(store, new ManualEngine(), systemClock, recordingLogger());
      task.root.status = 'running';
      const step = new Step(Date.now());

      const hub = task.nodes.get('hub')!;
      transition(core, step, hub, 'ready', 'system', 'test');
      transition(core, step, hub, 'running', 'system', 'test');
      expect(core.stats.edgeEvaluations).toBe(200);
      // Success edges of a source that has not ended stay pending: nothing to decide.
      expect(core.work.size).toBe(0);
      transition(core, step, hub, 'completed', 'system', 'test');
      expect(core.stats.edgeEvaluations).toBe(300);
      expect(core.work.size).toBe(100);

      for (let node = core.work.take(); node; node = core.work.take()) processNode(core, step, node);
      expect(core.stats.nodeDecisions).toBe(100);
      expect([...task.nodes.values()].filter((node) => node.status === 'ready').map((node) => node.nodeId).sort()).toEqual(
        Array.from({ length: 100 }, (_, i) => `h${i}`).sort(),
      );

      const leaf = task.nodes.get('l50n7')!;
      const before = core.stats.edgeEvaluations;
      transition(core, step, leaf, 'skipped', 'system', 'test');
      expect(leaf.out.length).toBeGreaterThan(0);
      expect(core.stats.edgeEvaluations - before).toBe(leaf.out.length);
      expect(core.work.size).toBe(new Set(leaf.out.map((edge) => edge.target)).size);
    } finally {
      store.close();
    }
  });

  it('runs the DAG to the end with work proportional to nodes and edges, never a scan per transition', async () => {
    h = await harness();
    const { definition, edges } = layeredDag();
    const { task_id } = h.scheduler.createTask(definition);
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id, undefined, 40_000)).toBe('completed');
    const stats = h.scheduler.stats();
    const nodes = 10_000;
    // Each node changes status at most 5 times (pending → waiting → ready → running → completed),
    // and each change re-evaluates the node's outgoing edges once: at most 5 per edge. Nodes are
    // decided when an incoming edge changes or their container starts. A scan of the waiting
    // nodes per transition would be ~40,000 × thousands.
    expect(stats.transitions).toBeLessThanOrEqual(5 * nodes);
    expect(stats.edgeEvaluations).toBeLessThanOrEqual(5 * edges);
    expect(stats.nodeDecisions).toBeLessThanOrEqual(2 * edges + 2 * nodes);
    expect(stats.latency.count).toBe(nodes - 1);
  }, 60_000);
});
