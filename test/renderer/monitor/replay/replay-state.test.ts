import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransitionNode, nodeTransitions, type NodeStatus, type NodeType } from '../../../../src/shared/status';
import type { NodeView } from '../../../../src/shared/task/nodes';
import type { TransitionView } from '../../../../src/shared/task/views';
import { indexReplay, nextChange, previousChange } from '../../../../src/renderer/src/monitor/replay/replay-index';
import { createRebuilder } from '../../../../src/renderer/src/monitor/replay/replay-rebuilder';
import { replayAt, replayBounds } from '../../../../src/renderer/src/monitor/replay/replay-state';
import { dependency, execution, nodeView, taskDetail, taskNodes, transition } from './fixtures';

/**
 * root ⊃ { a, b (a success), c (a failure), d (a finish if result.score > threshold) }.
 * a fails its first attempt at 20, is retried at 25 and completes at 30; b runs 31–40; c and
 * d decide at 30; the root ends at 40.
 */
function scenario() {
  const live = taskNodes([
    nodeView('root', { nodeType: 'container', isRoot: true, status: 'completed', batch: 1, startTime: 10, endTime: 40, managedNodes: { total: 4, completed: 3, running: 0, failed: 0, skipped: 1 } }),
    nodeView('a', { parentId: 'root', level: 1, status: 'completed', batch: 2, progress: 1, startTime: 25, endTime: 30, result: { score: 0.9 }, engineId: 'engine-1' }),
    nodeView('b', { parentId: 'root', level: 1, status: 'completed', batch: 1, progress: 1, startTime: 31, endTime: 40, dependencies: [dependency('a', 'success', 'satisfied')] }),
    nodeView('c', { parentId: 'root', level: 1, status: 'skipped', endTime: 30, errorCode: 'DEPENDENCY_UNSATISFIED', dependencies: [dependency('a', 'failure', 'unsatisfiable')] }),
    nodeView('d', {
      parentId: 'root',
      level: 1,
      status: 'completed',
      batch: 1,
      progress: 1,
      startTime: 31,
      endTime: 35,
      dependencies: [dependency('a', 'finish', 'satisfied', { '>': [{ var: 'result.score' }, { var: 'variables.threshold' }] })],
    }),
  ]);
  const transitions: TransitionView[] = [
    ...['root', 'a', 'b', 'c', 'd'].map((id) => transition(id, null, 'pending', 0)),
    transition('root', 'pending', 'ready', 10, 1),
    transition('root', 'ready', 'initializing', 10, 1),
    transition('root', 'initializing', 'running', 11, 1),
    transition('a', 'pending', 'ready', 11),
    transition('b', 'pending', 'waiting', 11),
    transition('c', 'pending', 'waiting', 11),
    transition('d', 'pending', 'waiting', 11),
    transition('a', 'ready', 'running', 12, 1),
    transition('a', 'running', 'ready', 20, 1, 'exit code 1; retry'),
    transition('a', 'ready', 'running', 25, 2),
    transition('a', 'running', 'completed', 30, 2),
    transition('b', 'waiting', 'ready', 30),
    transition('c', 'waiting', 'skipped', 30, 0, 'dependencies can never be satisfied'),
    transition('d', 'waiting', 'ready', 30),
    transition('b', 'ready', 'running', 31, 1),
    transition('d', 'ready', 'running', 31, 1),
    transition('d', 'running', 'completed', 35, 1),
    transition('b', 'running', 'completed', 40, 1),
    transition('root', 'running', 'completed', 40, 1),
  ];
  const executions = [
    execution('a', 1, { status: 'failed', progress: 0.4, startTime: 12, endTime: 20, errorMessage: 'exit code 1', engineId: 'engine-2' }),
    execution('a', 2, { startTime: 25, endTime: 30, result: { score: 0.9 } }),
    execution('b', 1, { startTime: 31, endTime: 40 }),
    execution('d', 1, { startTime: 31, endTime: 35 }),
  ];
  const task = taskDetail({ totalNodes: 5, totalContainers: 1, totalAgents: 4, completedNodes: 4, skippedNodes: 1 });
  return { live, transitions, executions, task, index: indexReplay(transitions, executions) };
}

const statusOf = (nodes: { byId: ReadonlyMap<string, NodeView> }) => Object.fromEntries([...nodes.byId].map(([id, view]) => [id, `${view.status}#${view.batch}`]));

describe('replayBounds', () => {
  it('runs from the start (else the first change) to the end or the last change', () => {
    const { task, transitions } = scenario();
    expect(replayBounds(task, transitions)).toEqual({ start: 10, end: 40 });
    expect(replayBounds({ ...task, endTime: 55 }, transitions)).toEqual({ start: 10, end: 55 });
    expect(replayBounds({ ...task, startTime: null, endTime: null }, transitions)).toEqual({ start: 0, end: 40 });
    expect(replayBounds({ ...task, startTime: null, endTime: null, createdAt: 7 }, [])).toEqual({ start: 7, end: 7 });
  });
});

describe('replayAt', () => {
  it('shows every node pending before anything happened', () => {
    const { index, task, live } = scenario();
    const moment = replayAt(index, task, live, -5);
    expect(new Set(Object.values(statusOf(moment.nodes)))).toEqual(new Set(['pending#0']));
    expect(moment.task.status).toBe('pending');
    expect(moment.task.startTime).toBeNull();
    expect(moment.nodes.byId.get('b')?.dependencies[0]?.state).toBe('pending');
    expect(moment.nodes.byId.get('root')?.managedNodes).toEqual({ total: 4, completed: 0, running: 0, failed: 0, skipped: 0 });
  });

  it('shows a retry waiting between attempts, with the failed attempt’s details', () => {
    const { index, task, live } = scenario();
    const moment = replayAt(index, task, live, 22);
    expect(statusOf(moment.nodes)).toEqual({ root: 'running#1', a: 'ready#1', b: 'waiting#0', c: 'waiting#0', d: 'waiting#0' });
    expect(moment.nodes.byId.get('a')?.readyTime).toBe(20);
    expect(moment.task).toMatchObject({ status: 'running', startTime: 10, endTime: null, runningNodes: 1, completedNodes: 0 });
  });

  it('takes the running attempt’s start and Engine from its execution', () => {
    const { index, task, live } = scenario();
    const early = replayAt(index, task, live, 15).nodes.byId.get('a');
    expect(early).toMatchObject({ status: 'running', batch: 1, startTime: 12, engineId: 'engine-2', endTime: null });
    const retried = replayAt(index, task, live, 26).nodes.byId.get('a');
    expect(retried).toMatchObject({ status: 'running', batch: 2, startTime: 25, engineId: 'engine-1' });
    expect(replayAt(index, task, live, 26).nodes.byId.get('root')?.managedNodes).toMatchObject({ running: 1, total: 4 });
  });

  it('shows a running attempt part of the way to the progress its execution reached, not 0%', () => {
    const { index, task, live } = scenario();
    // a#1 ran 12–20 and reached 0.4 before failing; b ran 31–40 and completed.
    expect(replayAt(index, task, live, 15).nodes.byId.get('a')?.progress).toBeCloseTo(0.15);
    expect(replayAt(index, task, live, 35).nodes.byId.get('b')?.progress).toBeCloseTo(4 / 9);
    expect(replayAt(index, task, live, 12).nodes.byId.get('a')?.progress).toBe(0);
    expect(replayAt(index, task, live, 21).nodes.byId.get('a')?.progress).toBe(0.4);
  });

  it('recomputes edge states and conditions from the sources as they stood', () => {
    const { index, task, live } = scenario();
    const at30 = replayAt(index, task, live, 30).nodes;
    expect(at30.byId.get('b')?.dependencies[0]).toMatchObject({ state: 'satisfied', satisfied: true });
    expect(at30.byId.get('c')?.dependencies[0]).toMatchObject({ state: 'unsatisfiable', satisfied: false });
    expect(at30.byId.get('d')?.dependencies[0]?.state).toBe('satisfied');
    expect(at30.byId.get('c')).toMatchObject({ status: 'skipped', endTime: 30 });
    const at26 = replayAt(index, task, live, 26).nodes;
    expect(at26.byId.get('d')?.dependencies[0]?.state).toBe('pending');
    const lowTask = { ...task, variables: { threshold: 0.95 } };
    expect(replayAt(index, lowTask, live, 30).nodes.byId.get('d')?.dependencies[0]?.state).toBe('unsatisfiable');
  });

  it('counts the task and the containers as they stood', () => {
    const { index, task, live } = scenario();
    const moment = replayAt(index, task, live, 35);
    expect(moment.task).toMatchObject({ status: 'running', completedNodes: 2, skippedNodes: 1, runningNodes: 2, failedNodes: 0 });
    expect(moment.nodes.byId.get('root')?.managedNodes).toEqual({ total: 4, completed: 2, running: 1, failed: 0, skipped: 1 });
  });

  it('ends in the live state, with the live objects themselves', () => {
    const { index, task, live } = scenario();
    const moment = replayAt(index, task, live, 40);
    for (const [id, view] of live.byId) expect(moment.nodes.byId.get(id)).toBe(view);
    expect(moment.task).toMatchObject({ status: 'completed', endTime: 40, completedNodes: 4, skippedNodes: 1 });
  });

  it('keeps unchanged nodes, and the whole list when nothing moved, from the previous moment', () => {
    const { index, task, live } = scenario();
    // Nothing runs between 20 and 25 (a waits for its retry), so nothing moves from 22 to 23.
    const first = replayAt(index, task, live, 22);
    const same = replayAt(index, task, live, 23, first.nodes);
    expect(same.nodes).toBe(first.nodes);
    const later = replayAt(index, task, live, 30, first.nodes);
    expect(later.nodes).not.toBe(first.nodes);
    expect(later.nodes.version).toBeGreaterThan(first.nodes.version);
    expect(later.nodes.byId.get('a')).not.toBe(first.nodes.byId.get('a'));
    expect(replayAt(index, task, live, 31, later.nodes).nodes.byId.get('c')).toBe(later.nodes.byId.get('c'));
  });

  it('shows a pause the operator recorded on the root', () => {
    const { transitions, executions, task, live } = scenario();
    const paused = [...transitions, { ...transition('root', 'running', 'running', 32, 1, 'task paused: no new node starts'), trigger: 'user' as const }, { ...transition('root', 'running', 'running', 34, 1, 'task resumed'), trigger: 'user' as const }];
    const index = indexReplay(paused, executions);
    expect(replayAt(index, task, live, 33).task.status).toBe('paused');
    expect(replayAt(index, task, live, 34).task.status).toBe('running');
  });
});

describe('stepping between changes', () => {
  it('moves to the previous and next distinct moment of change', () => {
    const { index } = scenario();
    expect(previousChange(index, 25)).toBe(20);
    expect(previousChange(index, 24)).toBe(20);
    expect(nextChange(index, 25)).toBe(30);
    expect(nextChange(index, 12)).toBe(20);
    expect(previousChange(index, 0)).toBeNull();
    expect(nextChange(index, 40)).toBeNull();
  });
});

/** A random hierarchy and, for each node, a random legal walk of its state machine over time. */
const historyArbitrary = fc
  .record({
    shape: fc.array(fc.record({ container: fc.boolean(), parent: fc.nat() }), { minLength: 0, maxLength: 25 }),
    walks: fc.array(fc.array(fc.record({ pick: fc.nat(), gap: fc.nat({ max: 5 }), retry: fc.boolean() }), { maxLength: 8 }), { minLength: 26, maxLength: 26 }),
  })
  .map(({ shape, walks }) => {
    const views: NodeView[] = [nodeView('n0', { nodeType: 'container', isRoot: true })];
    const containers = ['n0'];
    shape.forEach((entry, i) => {
      const parentId = containers[entry.parent % containers.length]!;
      const nodeType: NodeType = entry.container ? 'container' : 'agent';
      views.push(nodeView(`n${i + 1}`, { nodeType, parentId }));
      if (entry.container) containers.push(`n${i + 1}`);
    });
    const transitions: TransitionView[] = [];
    let time = 0;
    const live = views.map((view, i) => {
      let status: NodeStatus = 'pending';
      let batch = 0;
      transitions.push(transition(view.nodeId, null, 'pending', time));
      for (const step of walks[i] ?? []) {
        const options: readonly NodeStatus[] = nodeTransitions(view.nodeType)[status];
        if (options.length === 0) break;
        const to: NodeStatus = options[step.pick % options.length]!;
        if (!canTransitionNode(view.nodeType, status, to)) throw new Error('walk left the machine');
        if (to === 'running' && (view.nodeType === 'agent' || status === 'initializing') && step.retry) batch++;
        time += step.gap;
        transitions.push(transition(view.nodeId, status, to, time, batch));
        status = to;
      }
      return { ...view, status, batch };
    });
    // Depth-first order, as the monitor holds it.
    const children = new Map<string, NodeView[]>();
    for (const view of live) if (view.parentId) children.set(view.parentId, [...(children.get(view.parentId) ?? []), view]);
    const ordered: NodeView[] = [];
    const visit = (view: NodeView) => {
      ordered.push(view);
      for (const child of children.get(view.nodeId) ?? []) visit(child);
    };
    visit(live[0]!);
    return { live: taskNodes(ordered), transitions, end: time };
  });

describe('replay properties', () => {
  it('at the end of the history every node stands as it does live', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.nat({ max: 1000 }), ({ live, transitions }, after) => {
        const task = taskDetail({ rootNodeId: 'n0', startTime: null, endTime: null, status: 'running' });
        const bounds = replayBounds(task, transitions);
        const index = indexReplay(transitions, []);
        expect(statusOf(replayAt(index, task, live, bounds.end).nodes)).toEqual(statusOf(live));
        expect(statusOf(replayAt(index, task, live, bounds.end + after).nodes)).toEqual(statusOf(live));
      }),
      { numRuns: 200 },
    );
  });

  it('at any moment each node is where its last transition so far put it, and the counts add up', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.nat({ max: 45 }), ({ live, transitions }, at) => {
        const task = taskDetail({ rootNodeId: 'n0', startTime: 0, endTime: null, status: 'running', totalNodes: live.order.length });
        const moment = replayAt(indexReplay(transitions, []), task, live, at);
        for (const id of live.order) {
          const last = transitions.filter((entry) => entry.nodeId === id && entry.time <= at).at(-1);
          expect(moment.nodes.byId.get(id)?.status).toBe(last?.to ?? 'pending');
          expect(moment.nodes.byId.get(id)?.batch).toBe(last?.batch ?? 0);
        }
        const agents = [...moment.nodes.byId.values()].filter((view) => view.nodeType === 'agent');
        const root = moment.nodes.byId.get('n0')?.managedNodes;
        expect(root?.total).toBe(agents.length);
        expect(root?.completed).toBe(agents.filter((view) => view.status === 'completed').length);
        const counted = moment.task.completedNodes + moment.task.failedNodes + moment.task.runningNodes + moment.task.skippedNodes;
        expect(counted).toBeLessThanOrEqual(live.order.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rebuilder', () => {
  it('answers the same moment with the same objects and builds each new one from the last', () => {
    const { index, task, live } = scenario();
    const rebuild = createRebuilder(index);
    const first = rebuild(task, live, 22);
    expect(rebuild(task, live, 22)).toBe(first);
    const next = rebuild(task, live, 23);
    expect(next.nodes).toBe(first.nodes);
    const later = rebuild(task, live, 31);
    expect(later.nodes.version).toBeGreaterThan(first.nodes.version);
    expect(later.nodes.byId.get('c')).toBe(rebuild(task, live, 32).nodes.byId.get('c'));
  });
});
