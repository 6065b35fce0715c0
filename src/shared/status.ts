/**
 * Status lists and state machines of the Deduction design. Everything else (SQL CHECK
 * constraints are verified against these by a test, the scheduler, the UI colours) derives
 * from this file.
 */

export const TASK_STATUSES = ['pending', 'initializing', 'running', 'paused', 'completed', 'failed', 'stopped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** `initializing` is used by containers only; the agent machine never enters it. */
export const NODE_STATUSES = [
  'pending',
  'waiting',
  'ready',
  'initializing',
  'running',
  'completed',
  'failed',
  'stopped',
  'skipped',
  'held',
] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const EXECUTION_STATUSES = ['pending', 'initializing', 'running', 'completed', 'failed', 'stopped', 'timeout'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const TRIGGER_TYPES = ['system', 'user', 'dependency', 'timeout', 'error'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const NODE_TYPES = ['container', 'agent'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * The IT-ops design's node kinds (TASK_NODE_TYPES): what a node does, beside whether it is a
 * container or an agent. Each kind fixes the node type, the agent load that runs it, and the
 * design's default timeout and retries, which a node may override.
 */
export const NODE_KINDS = ['manual', 'script', 'api_call', 'decision', 'parallel'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface NodeKindDefaults {
  nodeType: NodeType;
  /** The agent load an agent of this kind runs when it names none; containers have none. */
  agentLoad: string | null;
  timeoutMs: number;
  maxRetries: number;
}

export const NODE_KIND_DEFAULTS: Readonly<Record<NodeKind, NodeKindDefaults>> = {
  manual: { nodeType: 'agent', agentLoad: 'manual', timeoutMs: 3_600_000, maxRetries: 0 },
  script: { nodeType: 'agent', agentLoad: 'script', timeoutMs: 1_800_000, maxRetries: 3 },
  api_call: { nodeType: 'agent', agentLoad: 'http', timeoutMs: 300_000, maxRetries: 3 },
  decision: { nodeType: 'agent', agentLoad: 'decision', timeoutMs: 60_000, maxRetries: 0 },
  parallel: { nodeType: 'container', agentLoad: null, timeoutMs: 7_200_000, maxRetries: 1 },
};

export const DEPENDENCY_TYPES = ['finish', 'success', 'failure', 'any'] as const;
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];
/** The type of an edge that names none: the design's default, "after the source ends, however it ends". */
export const DEFAULT_DEPENDENCY_TYPE: DependencyType = 'finish';

export const JOIN_MODES = ['all', 'one'] as const;
export type JoinMode = (typeof JOIN_MODES)[number];

/** The design's DEBUG/INFO/WARNING/ERROR/CRITICAL, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'critical'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where a log line came from: the agent's output streams, the console or Engine itself, or a progress/result report. */
export const LOG_TYPES = ['stdout', 'stderr', 'system', 'progress', 'result'] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** What a log line is about: the design's log types (node_execution_log.log_category). */
export const LOG_CATEGORIES = ['execution', 'system', 'network', 'resource'] as const;
export type LogCategory = (typeof LOG_CATEGORIES)[number];

/** The category of a line that names none: the console's and Engine's own lines are system lines. */
export function defaultLogCategory(type: LogType): LogCategory {
  return type === 'system' ? 'system' : 'execution';
}

type Machine<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Statuses from which a node can still be skipped: it has not started. */
const NOT_STARTED = ['pending', 'waiting', 'ready'] as const;

/*
 * Beyond the design's machines, for the scheduler:
 * - ready → failed: the node's config references a value that does not exist, so it fails
 *   before anything is sent to an Engine;
 * - completed | failed | stopped | skipped → pending: an operator's rerun (or a restart
 *   upstream) resets the node so that its dependencies are evaluated again;
 * - running → ready (agents): an automatic retry after a failure or a timeout, or a start the
 *   Engine refused for lack of capacity;
 * - running → skipped (agents): an onError rule skips the node after a failed attempt.
 *
 * held (both machines): an operator's hold (scheduler/hold.ts). A pending, waiting or ready
 * node is held before it starts; a running agent is held while its Engine keeps it paused, a
 * running container while its subtree is held. Release goes back to pending (decided again by
 * its dependencies) or, for what was running, to running. A held node may still end: an
 * operator stops or skips it, or a paused agent's execution ends anyway (its Engine lost, or
 * its end raced the pause).
 */
export const AGENT_TRANSITIONS: Machine<NodeStatus> = {
  pending: ['waiting', 'ready', 'skipped', 'held'],
  waiting: ['ready', 'skipped', 'held'],
  ready: ['running', 'waiting', 'skipped', 'failed', 'held'],
  initializing: [],
  running: ['completed', 'failed', 'stopped', 'ready', 'skipped', 'held'],
  completed: ['ready', 'pending'],
  failed: ['ready', 'skipped', 'pending'],
  stopped: ['ready', 'skipped', 'pending'],
  skipped: ['ready', 'pending'],
  held: ['pending', 'running', 'completed', 'failed', 'stopped', 'skipped', 'ready'],
};

/**
 * completed | failed → running: a container reopens when an operator restarts something inside
 * it. initializing | running → ready: the container failed or timed out and its retry policy
 * runs it (and its whole subtree) again after the backoff.
 */
export const CONTAINER_TRANSITIONS: Machine<NodeStatus> = {
  pending: ['waiting', 'ready', 'skipped', 'held'],
  waiting: ['ready', 'skipped', 'held'],
  ready: ['initializing', 'waiting', 'skipped', 'failed', 'held'],
  initializing: ['running', 'failed', 'stopped', 'ready'],
  running: ['completed', 'failed', 'stopped', 'ready', 'held'],
  completed: ['ready', 'running', 'pending'],
  failed: ['ready', 'running', 'skipped', 'pending'],
  stopped: ['ready', 'skipped', 'pending'],
  skipped: ['ready', 'pending'],
  held: ['pending', 'running', 'failed', 'stopped', 'skipped'],
};

/** paused → completed | failed: the nodes that were still running when the task was paused ended it. */
export const TASK_TRANSITIONS: Machine<TaskStatus> = {
  pending: ['initializing', 'stopped', 'failed'],
  initializing: ['running', 'failed', 'stopped'],
  running: ['paused', 'completed', 'failed', 'stopped'],
  paused: ['running', 'stopped', 'completed', 'failed'],
  completed: ['running'],
  failed: ['running'],
  stopped: ['running'],
};

/*
 * Named sets of statuses. Code elsewhere asks these (or their predicates) instead of listing
 * statuses itself; test/shared/status-homes.test.ts fails on a copy written out elsewhere.
 */

/** A node's end for its dependents: it will not run again unless an operator or a restart upstream reruns it. */
export const TERMINAL_NODE_STATUSES: readonly NodeStatus[] = ['completed', 'failed', 'skipped'];
/** Not running and not about to: a terminal node, or one an operator stopped (which blocks its dependents). */
export const ENDED_NODE_STATUSES: readonly NodeStatus[] = [...TERMINAL_NODE_STATUSES, 'stopped'];
/** An agent between its start and its end (a container also while it initializes). */
export const ACTIVE_NODE_STATUSES: readonly NodeStatus[] = ['initializing', 'running'];
export const NOT_STARTED_NODE_STATUSES: readonly NodeStatus[] = NOT_STARTED;
/**
 * Held by an operator (scheduler/hold.ts): in none of the sets above. Not ended (its task and
 * its container stay open until it is released or ends), not active (it counts in no running
 * counter and its timeout waits while it is held), not startable (the scheduler never decides it).
 */
export const HELD_NODE_STATUS = 'held' satisfies NodeStatus;
/** What an operator's hold takes: a node that has not started, or a running one. */
export const HOLDABLE_NODE_STATUSES: readonly NodeStatus[] = [...NOT_STARTED, 'running'];
export const TERMINAL_TASK_STATUSES: readonly TaskStatus[] = ['completed', 'failed', 'stopped'];
/** A task being prepared or run (its clock is ticking unpaused). */
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['initializing', 'running'];
/** A task whose nodes the scheduler still moves: running, or paused with nodes that may still end. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['running', 'paused'];
/** An execution (one attempt of a node) that has an outcome; an Engine reports these and no later status. */
export const ENDED_EXECUTION_STATUSES = ['completed', 'failed', 'stopped', 'timeout'] as const satisfies readonly ExecutionStatus[];

export function nodeTransitions(type: NodeType): Machine<NodeStatus> {
  return type === 'container' ? CONTAINER_TRANSITIONS : AGENT_TRANSITIONS;
}

export function canTransitionNode(type: NodeType, from: NodeStatus, to: NodeStatus): boolean {
  return nodeTransitions(type)[from].includes(to);
}

export function canTransitionTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

export function isTerminalNodeStatus(status: NodeStatus): boolean {
  return TERMINAL_NODE_STATUSES.includes(status);
}

export function isEndedNodeStatus(status: NodeStatus): boolean {
  return ENDED_NODE_STATUSES.includes(status);
}

/** A node, or one execution of it (as the store or an Engine reports it), between its start and its end. */
export function isActiveNodeStatus(status: NodeStatus | ExecutionStatus): boolean {
  return (ACTIVE_NODE_STATUSES as readonly string[]).includes(status);
}

export function isNotStartedNodeStatus(status: NodeStatus): boolean {
  return NOT_STARTED_NODE_STATUSES.includes(status);
}

export function isTerminalTaskStatus(status: TaskStatus): boolean {
  return TERMINAL_TASK_STATUSES.includes(status);
}

export function isActiveTaskStatus(status: TaskStatus): boolean {
  return ACTIVE_TASK_STATUSES.includes(status);
}

export function isOpenTaskStatus(status: TaskStatus): boolean {
  return OPEN_TASK_STATUSES.includes(status);
}

export function isEndedExecutionStatus(status: ExecutionStatus): boolean {
  return (ENDED_EXECUTION_STATUSES as readonly ExecutionStatus[]).includes(status);
}
