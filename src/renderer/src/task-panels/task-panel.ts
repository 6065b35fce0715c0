import type { ConsoleClient } from '../../../shared/api/contract';
import type { NodeView } from '../../../shared/task/nodes';
import type { TaskDetail } from '../../../shared/task/views';

/**
 * A task's nodes as one panel sees them: live, or rebuilt at a replay moment. `version`
 * grows with every change so memoized views can compare one number instead of 10,000 nodes.
 */
export interface TaskNodes {
  byId: ReadonlyMap<string, NodeView>;
  /** Depth-first order of the hierarchy (each container before its children, siblings by definition order). */
  order: readonly string[];
  version: number;
}

/** What every panel of a task's monitor (tree, graph, timeline, logs, charts, alerts, report) receives. */
export interface TaskPanelProps {
  client: ConsoleClient;
  /** The task with its live status and counters (or, while replaying, as at `at`). */
  task: TaskDetail;
  nodes: TaskNodes;
  /** The replay moment, ms since the epoch; null while the panel follows the task live. */
  at: number | null;
  selectedNodeId: string | null;
  onSelectNode: (nodeId: string | null) => void;
  /** Whether operator controls are offered (never while replaying). */
  canControl: boolean;
}
