import type {
  AgentCatalogEntry,
  DecideManualCommand,
  MessageNodeCommand,
  EngineEvent,
  EngineNodeState,
  EngineTaskRequest,
  InitContainerCommand,
  NodeRef,
  SetClockCommand,
  StartNodeCommand,
  StopNodeCommand,
  StopTaskCommand,
} from '../../../shared/engine/protocol';
import type { UnhonouredAgent } from '../../../shared/clock/clock-view';

/**
 * What the scheduler needs of "the Engines": one port, whatever sits behind it (the in-process
 * test engine, one socket.io Engine, or a balancer over several). Commands resolve when the
 * Engine acknowledged them and reject on refusal or timeout; they are idempotent by
 * (task, node, batch), so the scheduler may safely repeat one after a crash.
 *
 * Events arrive in batches (already deduplicated by sequence number); the scheduler ingests
 * one batch per transaction.
 */
export interface EnginePort {
  submitTask(request: EngineTaskRequest): Promise<void>;
  initContainer(command: InitContainerCommand): Promise<void>;
  startNode(command: StartNodeCommand): Promise<void>;
  stopNode(command: StopNodeCommand): Promise<void>;
  stopTask(command: StopTaskCommand): Promise<void>;
  queryNode(ref: NodeRef): Promise<EngineNodeState>;
  decideManual(command: DecideManualCommand): Promise<void>;
  /** Sends a message to a running execution (an inject's); rejects with NOT_HANDLED when its agent does not take messages. Absent: no Engine behind this port can. */
  messageNode?(command: MessageNodeCommand): Promise<void>;
  /**
   * A task's new exercise clock, to the Engines that may run its nodes; resolves with the
   * running agents that keep real time. A port without it runs every agent on real time.
   */
  setClock?(command: SetClockCommand): Promise<UnhonouredAgent[]>;
  /**
   * An operator's hold of a running agent (the Engine's `pauseNode` feature): rejects with the
   * reason when its Engine cannot pause it. A port without them cannot hold running agents.
   */
  pauseNode?(ref: NodeRef): Promise<void>;
  resumeNode?(ref: NodeRef): Promise<void>;
  /** How many more nodes the Engines can run now; Infinity when unlimited. */
  freeCapacity(): number;
  /** The agent loads the Engines can run. */
  catalog(): AgentCatalogEntry[];
  /** Subscribes to event batches; returns the unsubscribe function. */
  onEvents(listener: (events: EngineEvent[]) => void): () => void;
  /**
   * The id of the Engine a node's execution (or a container) was placed on, once a start or
   * init command was sent; undefined when unknown. Node events carry the same id as `engineId`.
   */
  engineOf?(ref: NodeRef): string | undefined;
  /**
   * The URL of the Engine that accepted task `taskId`'s submission (the first, in the
   * environment's order, when several did); null for an Engine with no lasting address, such
   * as the in-process one. Recorded as the task's engine_url.
   */
  taskEngineUrl?(taskId: string): string | null;
  /** Whether any Engine is connected now; without it, nothing can be placed (nodes wait, as for capacity). */
  anyConnected?(): boolean;
  /**
   * Before a task starts: resolves when the Engines the task will run on can take it, rejects
   * with the reason they cannot (its environment is disabled, or none of its Engines is up).
   * The task stays pending then.
   */
  admitTask?(taskId: string): Promise<void>;
}
