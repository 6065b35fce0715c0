import type { BookmarkView } from '../review/bookmarks';
import { changedSince, statesAt, type NodeState, type StatusChange } from '../review/moment-state';
import { transitionsByNode, type HistoryTransition } from '../review/transition-history';
import type { NodeStatus, NodeType } from '../status';
import type { ReportTask } from './run-report';

/** Bounds that keep an after-action report of a large task printable. */
export const AFTER_ACTION_LIMITS = {
  /** Bookmarks reviewed, the first in task time. */
  bookmarks: 200,
  /** Nodes drawn in each moment's graph; beyond it, the tree and the changes still tell. */
  graphNodes: 120,
  /** Rows of each moment's tree. */
  treeRows: 300,
  /** Changes listed per moment. */
  changes: 300,
} as const;

export interface AfterActionNode {
  nodeId: string;
  name: string | null;
  nodeType: NodeType;
  parentId: string | null;
  level: number;
}

export interface AfterActionEdge {
  sourceNodeId: string;
  nodeId: string;
}

/** One bookmark reviewed: the moment it marks, every node's state then, and what changed since the one before. */
export interface AfterActionMoment {
  bookmark: BookmarkView;
  /** The bookmark's task time as a wall-clock moment (ms since the epoch). */
  at: number;
  states: ReadonlyMap<string, NodeState>;
  /** Since the previous bookmark, or since the start for the first. */
  changes: StatusChange[];
}

export interface AfterActionReport {
  generatedAt: number;
  timeZone: string;
  task: ReportTask;
  /** Every node in definition order (depth first, containers before their children). */
  nodes: AfterActionNode[];
  edges: AfterActionEdge[];
  moments: AfterActionMoment[];
  /** Bookmarks in all; more than moments.length when the list was cut. */
  totalBookmarks: number;
}

export interface AfterActionInput {
  generatedAt: number;
  timeZone: string;
  task: ReportTask;
  nodes: AfterActionNode[];
  edges: AfterActionEdge[];
  transitions: readonly HistoryTransition[];
  bookmarks: readonly BookmarkView[];
}

/** Task time counts from the start; a task never started counts from its creation. */
export function taskTimeOrigin(task: Pick<ReportTask, 'startTime' | 'createdAt'>): number {
  return task.startTime ?? task.createdAt;
}

/** Each bookmark, in task-time order, with the task's state at its moment and the changes since the previous one. */
export function buildAfterAction(input: AfterActionInput): AfterActionReport {
  const byNode = transitionsByNode(input.transitions);
  const nodeIds = input.nodes.map((node) => node.nodeId);
  const origin = taskTimeOrigin(input.task);
  const ordered = [...input.bookmarks].sort((a, b) => a.taskTimeMs - b.taskTimeMs || a.createdAt - b.createdAt);
  let previous: ReadonlyMap<string, NodeState> | null = null;
  const moments = ordered.slice(0, AFTER_ACTION_LIMITS.bookmarks).map((bookmark) => {
    const at = origin + bookmark.taskTimeMs;
    const states = statesAt(byNode, nodeIds, at);
    const changes = changedSince(previous, states, nodeIds);
    previous = states;
    return { bookmark, at, states, changes };
  });
  return { generatedAt: input.generatedAt, timeZone: input.timeZone, task: input.task, nodes: input.nodes, edges: input.edges, moments, totalBookmarks: input.bookmarks.length };
}

/** How many of the moment's nodes stand in each status. */
export function statusCounts(states: ReadonlyMap<string, NodeState>): Partial<Record<NodeStatus, number>> {
  const counts: Partial<Record<NodeStatus, number>> = {};
  for (const state of states.values()) counts[state.status] = (counts[state.status] ?? 0) + 1;
  return counts;
}
