import { evaluateEdge } from '../../../../shared/dependency/evaluator';
import { isActiveNodeStatus, isEndedNodeStatus, type NodeStatus, type TaskStatus } from '../../../../shared/status';
import type { DependencyView, ManagedNodes, NodeView } from '../../../../shared/task/nodes';
import { attemptShareAt } from '../../../../shared/task/progress';
import { taskAuditOf } from '../../../../shared/task/task-audit';
import type { ExecutionView, TaskDetail } from '../../../../shared/task/views';
import type { TaskNodes } from '../../task-panels/task-panel';
import { lastAtOrBefore, transitionTime } from '../../../../shared/review/transition-history';
import { executionOf, nodeTransitions, type ReplayIndex } from './replay-index';

/**
 * A task as it stood at one moment, rebuilt from its stored transitions and executions.
 * The live node list gives what never changes (hierarchy, names, each dependency's source,
 * type and condition); everything that moves is derived again at `at`. Edge states use the
 * scheduler's own evaluator (src/shared/dependency), fed with each source's status and
 * result at that moment.
 */
export interface ReplayBounds {
  start: number;
  end: number;
}

export interface ReplayMoment {
  nodes: TaskNodes;
  task: TaskDetail;
}

/**
 * From the task's start (before it, every node merely waits; a task never started begins at
 * its first recorded change) to its end, or its last recorded change when that is later.
 */
export function replayBounds(task: Pick<TaskDetail, 'createdAt' | 'startTime' | 'endTime'>, transitions: readonly { time: number }[]): ReplayBounds {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const transition of transitions) {
    if (transition.time < first) first = transition.time;
    if (transition.time > last) last = transition.time;
  }
  const start = task.startTime ?? (Number.isFinite(first) ? first : task.createdAt);
  const end = Math.max(last, task.endTime ?? Number.NEGATIVE_INFINITY, start);
  return { start, end };
}


/** What of a node moves over time: everything a replayed view may differ from the live one in. */
interface NodeMoment {
  status: NodeStatus;
  batch: number;
  progress: number;
  result: NodeView['result'];
  errorCode: string | null;
  errorMessage: string | null;
  engineId: string | null;
  readyTime: number | null;
  startTime: number | null;
  endTime: number | null;
}

function momentOf(live: NodeView, index: ReplayIndex, at: number): NodeMoment {
  const history = nodeTransitions(index, live.nodeId);
  const k = lastAtOrBefore(history, at, transitionTime);
  if (k < 0) {
    return { status: 'pending', batch: 0, progress: 0, result: null, errorCode: null, errorMessage: null, engineId: null, readyTime: null, startTime: null, endTime: null };
  }
  const last = history[k]!;
  const status = last.to;
  const batch = last.batch;
  // The node already stands as it does now: take the live view's details, which the history lacks.
  if (status === live.status && batch === live.batch && (live.endTime === null || live.endTime <= at)) {
    return { ...pickMoment(live), startTime: live.startTime !== null && live.startTime <= at ? live.startTime : startedAt(history, k) };
  }
  const execution = executionOf(index, live.nodeId, batch);
  const executionStarted = execution && execution.startTime !== null && execution.startTime <= at ? execution : undefined;
  const executionEnded = executionStarted && executionStarted.endTime !== null && executionStarted.endTime <= at ? executionStarted : undefined;
  const ended = isEndedNodeStatus(status);
  return {
    status,
    batch,
    progress: status === 'completed' ? 1 : executionEnded ? executionEnded.progress : executionStarted ? runningShare(executionStarted, at) : 0,
    result: status === 'completed' ? (executionEnded?.result ?? null) : null,
    errorCode: ended && status !== 'completed' ? (executionEnded?.errorCode ?? null) : null,
    errorMessage: ended && status !== 'completed' ? (executionEnded?.errorMessage ?? last.reason) : null,
    engineId: executionStarted?.engineId ?? null,
    readyTime: status === 'ready' ? last.time : null,
    startTime: executionStarted?.startTime ?? startedAt(history, k),
    endTime: ended ? last.time : null,
  };
}

/** A run in progress at `at`: the stored attempt says where it ended; the moment sits on the way there. */
function runningShare(execution: ExecutionView, at: number): number {
  return attemptShareAt({ startTime: execution.startTime, endTime: execution.endTime, progress: execution.progress, completed: execution.status === 'completed' }, at);
}

function pickMoment(view: NodeView): NodeMoment {
  const { status, batch, progress, result, errorCode, errorMessage, engineId, readyTime, startTime, endTime } = view;
  return { status, batch, progress, result, errorCode, errorMessage, engineId, readyTime, startTime, endTime };
}

/** When the node last began to run up to transition k (containers have no execution to say it). */
function startedAt(history: readonly { to: NodeStatus; from: NodeStatus | null; time: number }[], k: number): number | null {
  for (let i = k; i >= 0; i--) {
    const transition = history[i]!;
    if (isActiveNodeStatus(transition.to) && transition.from !== transition.to) return transition.time;
    if (transition.to === 'pending') return null;
  }
  return null;
}

function sameMoment(view: NodeView, moment: NodeMoment): boolean {
  return (
    view.status === moment.status &&
    view.batch === moment.batch &&
    view.progress === moment.progress &&
    view.startTime === moment.startTime &&
    view.endTime === moment.endTime &&
    view.engineId === moment.engineId &&
    view.errorMessage === moment.errorMessage
  );
}

function sameEdges(a: readonly DependencyView[], states: readonly DependencyView['state'][]): boolean {
  return a.length === states.length && a.every((dependency, i) => dependency.state === states[i]);
}

function sameManaged(a: ManagedNodes | undefined, b: ManagedNodes | undefined): boolean {
  if (!a || !b) return a === b;
  return a.total === b.total && a.completed === b.completed && a.running === b.running && a.failed === b.failed && a.skipped === b.skipped;
}

const emptyManaged = (): ManagedNodes => ({ total: 0, completed: 0, running: 0, failed: 0, skipped: 0 });

/**
 * Every node at `at`. A node whose rebuilt view equals the live one, or the one `previous`
 * held, keeps that very object, so memoized views redraw only what the moment changed.
 */
export function replayAt(index: ReplayIndex, task: TaskDetail, live: TaskNodes, at: number, previous?: TaskNodes): ReplayMoment {
  const moments = new Map<string, NodeMoment>();
  for (const nodeId of live.order) {
    const view = live.byId.get(nodeId);
    if (view) moments.set(nodeId, momentOf(view, index, at));
  }

  const edgeStates = new Map<string, DependencyView['state'][]>();
  for (const nodeId of moments.keys()) {
    const view = live.byId.get(nodeId)!;
    if (view.dependencies.length === 0) continue;
    edgeStates.set(
      nodeId,
      view.dependencies.map((dependency) => {
        const source = moments.get(dependency.sourceNodeId);
        if (!source) return dependency.state;
        const edge = { type: dependency.type, source: source.status, condition: dependency.condition ?? undefined, result: source.result ?? undefined };
        return evaluateEdge(edge, task.variables).state;
      }),
    );
  }

  const managed = new Map<string, ManagedNodes>();
  for (let i = live.order.length - 1; i >= 0; i--) {
    const nodeId = live.order[i]!;
    const view = live.byId.get(nodeId);
    const moment = moments.get(nodeId);
    if (!view || !moment) continue;
    if (view.nodeType === 'container' && !managed.has(nodeId)) managed.set(nodeId, emptyManaged());
    if (view.parentId === null) continue;
    let into = managed.get(view.parentId);
    if (!into) managed.set(view.parentId, (into = emptyManaged()));
    if (view.nodeType === 'agent') countAgent(into, moment.status);
    else addManaged(into, managed.get(nodeId)!);
  }

  const byId = new Map<string, NodeView>();
  let changed = previous === undefined;
  for (const nodeId of live.order) {
    const view = live.byId.get(nodeId);
    const moment = moments.get(nodeId);
    if (!view || !moment) continue;
    const states = edgeStates.get(nodeId) ?? [];
    const counts = view.nodeType === 'container' ? managed.get(nodeId) : undefined;
    const before = previous?.byId.get(nodeId);
    const reused = [view, before].find((candidate) => candidate && sameMoment(candidate, moment) && sameEdges(candidate.dependencies, states) && sameManaged(candidate.managedNodes, counts));
    if (reused) byId.set(nodeId, reused);
    else {
      const next: NodeView = {
        ...view,
        ...moment,
        notBefore: null,
        dependencies: view.dependencies.map((dependency, i) => ({ ...dependency, state: states[i]!, satisfied: states[i] === 'satisfied' })),
      };
      if (counts) next.managedNodes = counts;
      byId.set(nodeId, next);
    }
    if (byId.get(nodeId) !== before) changed = true;
  }
  const nodes: TaskNodes = !changed && previous ? previous : { byId, order: live.order, version: (previous?.version ?? live.version) + 1 };
  return { nodes, task: taskAt(task, index, nodes, at) };
}

function countAgent(into: ManagedNodes, status: NodeStatus): void {
  into.total++;
  if (status === 'completed') into.completed++;
  else if (status === 'running') into.running++;
  else if (status === 'failed') into.failed++;
  else if (status === 'skipped') into.skipped++;
}

function addManaged(into: ManagedNodes, from: ManagedNodes): void {
  into.total += from.total;
  into.completed += from.completed;
  into.running += from.running;
  into.failed += from.failed;
  into.skipped += from.skipped;
}

/**
 * The task's status and counters at `at`. Counters count every node (containers too) the way
 * the scheduler does; a pause shows from the operator's audit record on the root.
 */
export function taskAt(task: TaskDetail, index: ReplayIndex, nodes: TaskNodes, at: number): TaskDetail {
  let completed = 0;
  let failed = 0;
  let running = 0;
  let skipped = 0;
  for (const view of nodes.byId.values()) {
    if (view.status === 'completed') completed++;
    else if (view.status === 'failed') failed++;
    else if (isActiveNodeStatus(view.status)) running++;
    else if (view.status === 'skipped') skipped++;
  }
  const started = task.startTime !== null && task.startTime <= at;
  const ended = task.endTime !== null && task.endTime <= at;
  const status: TaskStatus = ended ? task.status : !started ? 'pending' : pausedAt(task, index, at) ? 'paused' : 'running';
  return {
    ...task,
    status,
    startTime: started ? task.startTime : null,
    endTime: ended ? task.endTime : null,
    errorMessage: ended ? task.errorMessage : null,
    completedNodes: completed,
    failedNodes: failed,
    runningNodes: running,
    skippedNodes: skipped,
  };
}

function pausedAt(task: TaskDetail, index: ReplayIndex, at: number): boolean {
  const history = nodeTransitions(index, task.rootNodeId);
  for (let i = lastAtOrBefore(history, at, transitionTime); i >= 0; i--) {
    const audit = taskAuditOf(history[i]!);
    if (audit !== null) return audit === 'paused';
  }
  return false;
}
