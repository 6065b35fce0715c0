import type { Id } from '../../../shared/ids';
import type { EdgeState } from '../../../shared/task/nodes';
import type { DependencyType, ExecutionStatus, JoinMode, NodeStatus, NodeType, TaskStatus } from '../../../shared/status';
import type { Pin, RetryPolicy } from '../../../shared/workflow/definition';
import type { ChosenRule, EffectiveRules } from '../../../shared/workflow/on-error';
import type { ExecutionUsage } from '../resources/execution-usage';
import type { Queueable } from './queue';
import type { JsonObject } from './references';

/**
 * The in-memory image of a task the scheduler drives, loaded once: every node with its
 * indexes (children by parent, edges by source and by target) and the counts that make each
 * decision O(1) — satisfied and unsatisfiable incoming edges per node, terminal and failed
 * children per container, nodes per status class per task. Mutable fields mirror the
 * workflow_node, node_execution and deduction_task rows as of the last commit plus the
 * current step.
 */

export interface TaskCounters {
  completed: number;
  failed: number;
  /** running and initializing */
  running: number;
  skipped: number;
}

/** What conditions, activations and references read: `{variables, nodes: {id: {status, result}}}`. */
export interface NodeScopeEntry {
  status: NodeStatus;
  result: unknown;
}

export interface ManualDecision {
  approved: boolean;
  operator: string;
  comment?: string;
}

export class RtExecution {
  status: ExecutionStatus;
  engineId: string | null = null;
  result: unknown = undefined;
  resultText: string | null = null;
  progress = 0;
  exitCode: number | null = null;
  errorCode: string | null = null;
  errorMessage: string | null = null;
  endTime: number | null = null;
  /** Ready to start command, in ms; null when the node started without having been ready (never, today). */
  queueTimeMs: number | null = null;
  /** Its resource samples so far; null until the first arrives. */
  usage: ExecutionUsage | null = null;
  /** Written to the store already; later changes are UPDATEs. */
  persisted: boolean;
  dirty = false;

  constructor(
    readonly id: bigint,
    readonly node: RtNode,
    readonly batch: number,
    status: ExecutionStatus,
    readonly startTime: number | null,
    readonly resolvedConfig: string | null,
    persisted: boolean,
  ) {
    this.status = status;
    this.persisted = persisted;
  }
}

export class RtEdge {
  state: EdgeState = 'pending';
  /** Why the edge's condition could not be evaluated, when it could not. */
  error: string | undefined = undefined;

  constructor(
    readonly source: RtNode,
    readonly target: RtNode,
    readonly type: DependencyType,
    readonly condition: unknown,
  ) {}
}

export interface NodeSpec {
  rowId: bigint;
  nodeId: string;
  type: NodeType;
  name: string | null;
  level: number;
  join: JoinMode;
  priority: number;
  agentLoad: string | null;
  config: JsonObject | undefined;
  configText: string | null;
  hasReferences: boolean;
  retry: RetryPolicy | undefined;
  timeoutMs: number | null;
  pin: Pin | undefined;
  activation: unknown;
  onError?: EffectiveRules;
  /** Some onError rule names it as its handler: only a rule starts it. */
  isHandler?: boolean;
  /** Skills the node requires (agents: of its Engine; manual steps: of its operator); none when absent. */
  requiredSkills?: readonly string[];
}

/** What a handler node's run is told of the failure it handles (its config's `failure`). */
export interface HandledFailure {
  nodeId: string;
  errorCode: string;
  errorMessage: string;
  rule: string;
}

export class RtNode implements Queueable {
  readonly rowId: bigint;
  readonly nodeId: string;
  readonly type: NodeType;
  readonly name: string | null;
  readonly level: number;
  readonly join: JoinMode;
  readonly priority: number;
  readonly agentLoad: string | null;
  /** An operator may replace it for a rerun (live-rerun.ts); each batch keeps the config it resolved. */
  config: JsonObject | undefined;
  /** The config as JSON text, stored as the resolved config when it holds no reference. */
  configText: string | null;
  hasReferences: boolean;
  readonly retry: RetryPolicy | undefined;
  readonly timeoutMs: number | null;
  readonly pin: Pin | undefined;
  readonly activation: unknown;
  readonly onError: EffectiveRules | undefined;
  readonly isHandler: boolean;
  readonly requiredSkills: readonly string[];

  parent: RtNode | null = null;
  readonly children: RtNode[] = [];
  readonly deps: RtEdge[] = [];
  readonly out: RtEdge[] = [];

  status: NodeStatus = 'pending';
  batch = 0;
  progress = 0;
  result: unknown = undefined;
  resultText: string | null = null;
  errorCode: string | null = null;
  errorMessage: string | null = null;
  engineId: string | null = null;
  notBefore: number | null = null;
  readyTime: number | null = null;
  startTime: number | null = null;
  endTime: number | null = null;
  exec: RtExecution | null = null;
  /** Automatic retries since the node last started afresh. */
  retriesUsed = 0;
  /** Times this node's Engine was lost under it since it last started afresh; not a retry spent. */
  engineLosses = 0;
  manualDecision: ManualDecision | null = null;
  /** Made ready by an operator (restart, rerun): starts whatever its dependencies say. */
  forced = false;
  /** When an operator's hold paused it while running (hold.ts); null when not so held. */
  heldAt: number | null = null;
  /** How long holds paused its current execution: its timeout waits that much longer. */
  heldMs = 0;
  /** Retries each onError rule (by index) has spent since the node last started afresh. */
  ruleRetries: number[] = [];
  /** A failed node waiting, still running, for the handler its rule invoked. */
  recovery: { handler: RtNode; chosen: ChosenRule } | null = null;
  /** A handler node: the failed node it runs for, and what it is told of the failure. */
  handling: { node: RtNode; failure: HandledFailure } | null = null;
  /** Containers: handler children never invoked (pending), which must not keep it from ending. */
  idleHandlers = 0;

  satisfied = 0;
  unsatisfiable = 0;
  childTerminal = 0;
  childFailed = 0;

  queued = false;
  queueSeq = 0;
  /** In the scheduler's work list (to decide, or to aggregate for a running container). */
  inWork = false;
  /** The not_before a timer is armed for, so that one is armed once. */
  timerAt: number | null = null;
  /** performance.now() when dependencies made the node ready; 0 when something else did. */
  readyAt = 0;
  readonly scope: NodeScopeEntry;

  constructor(
    readonly task: TaskImage,
    spec: NodeSpec,
  ) {
    this.rowId = spec.rowId;
    this.nodeId = spec.nodeId;
    this.type = spec.type;
    this.name = spec.name;
    this.level = spec.level;
    this.join = spec.join;
    this.priority = spec.priority;
    this.agentLoad = spec.agentLoad;
    this.config = spec.config;
    this.configText = spec.configText;
    this.hasReferences = spec.hasReferences;
    this.retry = spec.retry;
    this.timeoutMs = spec.timeoutMs;
    this.pin = spec.pin;
    this.activation = spec.activation;
    this.onError = spec.onError;
    this.isHandler = spec.isHandler ?? false;
    this.requiredSkills = spec.requiredSkills ?? [];
    this.scope = { status: 'pending', result: undefined };
  }
}

export class TaskImage {
  readonly idBig: bigint;
  status: TaskStatus = 'pending';
  startTime: number | null = null;
  endTime: number | null = null;
  errorMessage: string | null = null;
  /** Set when the task is submitted: the id the Engine knows it by, and that Engine's URL (null for the in-process one). */
  engineTaskId: string | null = null;
  engineUrl: string | null = null;
  readonly nodes = new Map<string, RtNode>();
  root!: RtNode;
  readonly counters: TaskCounters = { completed: 0, failed: 0, running: 0, skipped: 0 };
  /** Set when this image was dropped (task ended or reloaded); queued references to it are stale. */
  discarded = false;
  /** What JSON Logic and references read. */
  readonly scope: { variables: JsonObject; nodes: Record<string, NodeScopeEntry> };

  constructor(
    readonly id: Id,
    readonly name: string,
    readonly variables: JsonObject,
  ) {
    this.idBig = BigInt(id);
    this.scope = { variables, nodes: Object.create(null) as Record<string, NodeScopeEntry> };
  }

  add(node: RtNode): void {
    this.nodes.set(node.nodeId, node);
    this.scope.nodes[node.nodeId] = node.scope;
  }
}
