import type { Id } from '../../../shared/ids';
import type { Logger } from '../../../shared/logger';
import type { EnginePort } from '../engine/engine-port';
import type { Store } from '../store/store';
import { CommitCost } from './commit-cost';
import { LatencyRecorder } from './latency';
import { ReadyQueue } from './queue';
import type { RtNode, TaskImage } from './task-image';
import { schedulerStatements, type SchedulerStatements } from './statements';
import { TimerQueue, type Clock } from './timers';

export interface TimerItem {
  /** reinit: send a container's initialization again after its Engine was lost. */
  kind: 'notBefore' | 'deadline' | 'reinit';
  node: RtNode;
  at: number;
  batch: number;
}

/** Outcomes that arrive between steps and are applied in the next one. */
export type InternalEvent =
  | { kind: 'timer'; item: TimerItem }
  | { kind: 'initAck'; node: RtNode; batch: number }
  | { kind: 'commandRefused'; command: 'initContainer' | 'startNode'; node: RtNode; batch: number; code: string; message: string };

export interface SchedulerStats {
  /** Transition rows written. */
  transitions: number;
  /** Edge re-evaluations: one per edge leaving a node that changed state. */
  edgeEvaluations: number;
  /** Nodes taken from the work list to decide (or to aggregate, for containers). */
  nodeDecisions: number;
  /** Transactions committed by the scheduler. */
  commits: number;
  eventsIngested: number;
  /** Events about nodes or batches the scheduler does not run (stale or duplicate). */
  eventsIgnored: number;
}

/** Nodes to decide, first in first out, each at most once. */
export class WorkList {
  private items: RtNode[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  add(node: RtNode): void {
    if (node.inWork) return;
    node.inWork = true;
    this.items.push(node);
  }

  take(): RtNode | undefined {
    if (this.head >= this.items.length) return undefined;
    const node = this.items[this.head++]!;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    node.inWork = false;
    return node;
  }
}

/** The scheduler's shared state, handed to the modules that make up a step. */
export class SchedulerState {
  readonly tasks = new Map<Id, TaskImage>();
  readonly work = new WorkList();
  /** Agents wait here for Engine capacity; containers take none and have their own queue. */
  readonly agents = new ReadyQueue<RtNode>();
  readonly containers = new ReadyQueue<RtNode>();
  readonly internal: InternalEvent[] = [];
  readonly timers: TimerQueue<TimerItem>;
  readonly statements: SchedulerStatements;
  readonly latency = new LatencyRecorder();
  readonly stats: SchedulerStats = { transitions: 0, edgeEvaluations: 0, nodeDecisions: 0, commits: 0, eventsIngested: 0, eventsIgnored: 0 };
  readonly commitCost = new CommitCost();
  /** Start commands sent and not yet acknowledged: capacity they hold that freeCapacity may not show yet. */
  inflight = 0;
  /**
   * Recoveries under way; while any is, nothing starts: recovery puts back on the Engines the
   * containers they no longer know before any child goes there.
   */
  startsHeld = 0;
  /** How many times a node may lose its Engine and be dispatched again (see engine-loss.ts). */
  engineLossLimit = 3;
  /** Asks the scheduler for a step soon. */
  wake: () => void = () => undefined;

  constructor(
    readonly store: Store,
    readonly engine: EnginePort,
    readonly clock: Clock,
    readonly logger: Logger,
  ) {
    this.statements = schedulerStatements(store);
    this.timers = new TimerQueue<TimerItem>(clock, (items) => {
      for (const item of items) this.internal.push({ kind: 'timer', item });
      this.wake();
    });
  }

  nextId(): bigint {
    return this.store.ids.nextBigInt();
  }

  /**
   * The node as the live image of its task holds it: a command's outcome may arrive after the
   * task was reloaded (or ended and was loaded again), and must reach the node as it is now.
   */
  current(node: RtNode): RtNode | undefined {
    if (!node.task.discarded) return node;
    return this.tasks.get(node.task.id)?.nodes.get(node.nodeId);
  }

  /** Whether a queued or timed reference still belongs to a live image of its task. */
  isLive(node: RtNode): boolean {
    return !node.task.discarded;
  }

  armNotBefore(node: RtNode): void {
    if (node.notBefore === null || node.timerAt === node.notBefore) return;
    node.timerAt = node.notBefore;
    this.timers.add(node.notBefore, { kind: 'notBefore', node, at: node.notBefore, batch: node.batch });
  }

  armDeadline(node: RtNode, startTime: number): void {
    if (node.timeoutMs === null) return;
    const at = startTime + node.timeoutMs;
    this.timers.add(at, { kind: 'deadline', node, at, batch: node.batch });
  }
}
