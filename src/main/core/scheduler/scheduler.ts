import type { z } from 'zod';
import { errorReason } from '../../../shared/api/error-reasons';
import type { EngineEvent } from '../../../shared/engine/protocol';
import type { Id } from '../../../shared/ids';
import { consoleLogger, type Logger } from '../../../shared/logger';
import { isOpenTaskStatus, TERMINAL_TASK_STATUSES } from '../../../shared/status';
import type { TaskChange } from '../../../shared/task/changes';
import type { CreateTaskOptions, CreateTaskResult } from '../../../shared/task/create';
import type { NodeQuery, NodeView } from '../../../shared/task/nodes';
import type { NormalizedWorkflowDefinition } from '../../../shared/workflow/normalized';
import { toEngineRequest } from '../../../shared/workflow/engine-format';
import { isImportedTask, refuseImportedTask } from '../bundles/imported-tasks';
import type { EnginePort } from '../engine/engine-port';
import type { Store } from '../store/store';
import { WalCheckpoints } from './checkpoints';
import * as controls from './controls';
import * as live from './live';
import * as hold from './hold';
import { SchedulerState, type SchedulerStats } from './state';
import { createTask } from '../tasks/create-task';
import { processNode } from './decide';
import { SchedulerError } from './errors';
import { ingestEvents } from './ingest';
import { applyInternal } from './internal';
import { activateTask, loadTask } from './load';
import { queryNodes } from '../tasks/query-nodes';
import { nodeNotFound, requireTaskId, taskNotFound } from '../tasks/task-errors';
import { nodesToReconcile, reconcileNodes, type Reconciliation } from './reconcile';
import type { ManualDecision, RtNode, TaskImage } from './task-image';
import { capacityIsShort, describeError, startNext, waitingForCapacity } from './start';
import { describeStep, flushStep, Step } from './step';
import { systemClock, type Clock } from './timers';
import type { SetClockCommand } from '../../../shared/engine/protocol';
import type { UnhonouredAgent } from '../../../shared/clock/clock-view';
import { setTaskStatus } from './transitions';
import type { RetryFailedResult } from '../../../shared/task/retry-failed';
import { errorText } from '../../../shared/error-text';
import { reasonText } from '../../../shared/task/reason-wordings';
import {
  nodeAdditionSchema,
  rerunOptionsSchema,
  variablesPatchSchema,
  type AddNodesResult,
  type NodeAddition,
  type RemoveNodeResult,
  type RerunNodeResult,
  type RerunOptions,
  type VariableChange,
  type VariablesPatch,
} from '../../../shared/task/live-changes';

export interface SchedulerOptions {
  store: Store;
  engine: EnginePort;
  clock?: Clock;
  logger?: Logger;
  /**
   * How long a step (one transaction: its decisions, starts, writes and commit) should take,
   * in milliseconds; a node made ready waits about this long for its start command. When a
   * commit's fixed cost is large (the task row holds the whole workflow snapshot, so it grows
   * with the task), steps grow to three times that cost, trading latency for throughput.
   */
  stepBudgetMs?: number;
  /** How often to look again at Engine capacity while agents wait for it. */
  capacityPollMs?: number;
  /** How many times a node may lose its Engine and be dispatched again before it fails with ENGINE_LOST (default 3). */
  engineLossLimit?: number;
}

export interface SchedulerReport extends SchedulerStats {
  latency: { count: number; p50Ms: number; p99Ms: number };
  /** The learned cost of a commit (see commit-cost.ts). */
  commitCost: { fixedMs: number; perRowMs: number };
  queuedAgents: number;
  timers: number;
}

export interface RecoveryReport {
  tasks: Id[];
  reconciliations: Reconciliation[];
}

const OPERATOR_MAX = 200;
const MAX_FAILED_STEPS = 3;

/**
 * The scheduler of deductions: owns the tasks it drives in memory, decides incrementally,
 * commits every change with its transition rows and counters in one transaction, and talks to
 * the Engines only through the EnginePort, only after a commit. Work is done in steps
 * (setImmediate), each a transaction bounded by stepBudgetMs; Engine event batches are
 * ingested as they arrive, one transaction per batch.
 */
export class Scheduler {
  private readonly core: SchedulerState;
  private readonly logger: Logger;
  private readonly budgetMs: number;
  private readonly capacityPollMs: number;
  private readonly listeners = new Set<(changes: TaskChange[]) => void>();
  private readonly unsubscribe: () => void;
  private pumpScheduled = false;
  private capacityTimer: unknown = null;
  private closed = false;
  private readonly failedSteps = new Map<Id, number>();
  private readonly checkpoints: WalCheckpoints;

  constructor(private readonly options: SchedulerOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.budgetMs = options.stepBudgetMs ?? 0.5;
    this.capacityPollMs = options.capacityPollMs ?? 100;
    this.core = new SchedulerState(options.store, options.engine, options.clock ?? systemClock, this.logger);
    this.core.wake = () => this.schedule();
    if (options.engineLossLimit !== undefined) this.core.engineLossLimit = options.engineLossLimit;
    this.checkpoints = new WalCheckpoints(options.store.db);
    this.unsubscribe = options.engine.onEvents((events) => this.ingest(events));
  }

  /**
   * Validates (agent configs against the catalog of the Engines known now) and stores a
   * workflow as a new pending task; see create-task.ts.
   */
  createTask(definition: unknown, options?: CreateTaskOptions): CreateTaskResult {
    return createTask(this.options.store, definition, options, this.core.clock.now(), this.core.engine.catalog());
  }

  /** Tells the Engines of a task its new exercise clock; resolves with the running agents that keep real time. */
  tellClock(command: SetClockCommand): Promise<UnhonouredAgent[]> {
    const engine = this.core.engine;
    if (!engine.setClock) return Promise.reject(new Error('these Engines do not keep exercise clocks'));
    return engine.setClock(command);
  }

  queryNodes(taskId: Id, query?: NodeQuery): NodeView[] {
    return queryNodes(this.options.store, taskId, query);
  }

  /** Subscribes to what each commit changed; returns the unsubscribe function. */
  onChange(listener: (changes: TaskChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): SchedulerReport {
    const latency = this.core.latency;
    return {
      ...this.core.stats,
      latency: { count: latency.size, p50Ms: latency.quantile(0.5), p99Ms: latency.quantile(0.99) },
      commitCost: { fixedMs: this.core.commitCost.fixedMs, perRowMs: this.core.commitCost.perRowMs },
      queuedAgents: this.core.agents.size,
      timers: this.core.timers.size,
    };
  }

  /**
   * Submits a pending task's node tree to the Engines and starts it. Pins count from now.
   */
  async startTask(taskId: Id): Promise<void> {
    const task = this.task(taskId);
    const refuseUnlessPending = (): void => {
      if (task.status !== 'pending') throw new SchedulerError('NOT_ALLOWED', errorReason('task.notPending', { taskId, status: task.status }));
    };
    refuseUnlessPending();
    if (this.core.engine.admitTask) {
      await this.core.engine.admitTask(taskId);
      refuseUnlessPending();
    }
    this.commit(new Step(this.core.clock.now()), (step) => {
      setTaskStatus(this.core, step, task, 'initializing');
      for (const node of task.nodes.values()) {
        if (!node.pin) continue;
        node.notBefore = 'at' in node.pin ? (typeof node.pin.at === 'number' ? node.pin.at : Date.parse(node.pin.at)) : step.now + node.pin.delayMs;
        step.node(node);
      }
    });
    await this.submit(task);
  }

  /**
   * Picks up where a previous process left off: loads every task that was initializing,
   * running or paused, re-arms its timers, and asks the Engines about every node that was
   * running (see reconcile.ts). `only` narrows it to the tasks this process may take (the
   * others belong to another live process sharing the database).
   */
  async recover(options: { only?: (taskId: Id) => boolean } = {}): Promise<RecoveryReport> {
    const rows = this.options.store.all(
      this.options.store.kysely.selectFrom('deduction_task').select(['id', 'status']).where('status', 'in', ['initializing', 'running', 'paused']).orderBy('id'),
    );
    const tasks: TaskImage[] = [];
    for (const row of rows) {
      if (this.core.tasks.has(row.id) || (options.only && !options.only(row.id))) continue;
      const task = this.load(row.id);
      if (task) tasks.push(task);
    }
    // What to ask about is fixed now, before this process starts anything of its own.
    const asked = tasks.map((task) => ({ task, nodes: nodesToReconcile(task) }));
    const reconciliations: Reconciliation[] = [];
    this.core.startsHeld++;
    try {
      for (const { task, nodes } of asked) {
        if (task.status === 'initializing') continue;
        const report = await reconcileNodes(this.core, nodes);
        reconciliations.push(report);
        if (report.applied.length > 0 && !task.discarded) {
          this.commit(new Step(this.core.clock.now()), (step) => ingestEvents(this.core, step, report.applied, '(learned by asking the Engine after a restart)'));
        }
      }
    } finally {
      this.core.startsHeld--;
      this.schedule();
    }
    for (const { task } of asked) if (task.status === 'initializing') await this.submit(task);
    return { tasks: tasks.map((task) => task.id), reconciliations };
  }

  pauseTask(taskId: Id, operator: string): void {
    this.control(taskId, operator, (control, task) => controls.pauseTask(control, task));
  }

  resumeTask(taskId: Id, operator: string): void {
    this.control(taskId, operator, (control, task) => controls.resumeTask(control, task));
  }

  stopTask(taskId: Id, operator: string, reason?: string): void {
    this.control(taskId, operator, (control, task) => controls.stopTask(control, task, reason));
  }

  stopNode(taskId: Id, nodeId: string, operator: string, reason?: string): void {
    this.control(taskId, operator, (control, task) => controls.stopNode(control, this.node(task, nodeId), reason));
  }

  restartNode(taskId: Id, nodeId: string, operator: string): void {
    this.control(taskId, operator, (control, task) => controls.restartNode(control, this.node(task, nodeId)));
  }

  skipNode(taskId: Id, nodeId: string, operator: string): void {
    this.control(taskId, operator, (control, task) => controls.skipNode(control, this.node(task, nodeId)));
  }

  /** Reruns a node and everything downstream of it; returns how many nodes that covers. */
  rerunFrom(taskId: Id, nodeId: string, operator: string): number {
    let count = 0;
    this.control(taskId, operator, (control, task) => {
      count = controls.rerunFrom(control, this.node(task, nodeId));
    });
    return count;
  }

  /** Restarts every node that failed by itself; says which, and why each other failed node was not. */
  retryFailed(taskId: Id, operator: string): RetryFailedResult {
    let result: RetryFailedResult = { restarted: [], skipped: [] };
    this.control(taskId, operator, (control, task) => {
      result = controls.retryFailed(control, task);
    });
    return result;
  }

  /** Sets variables of a pending, running or paused task; nodes not started yet see them (live-variables.ts). */
  setTaskVariables(taskId: Id, patch: VariablesPatch, operator: string, reason?: string): VariableChange[] {
    let changes: VariableChange[] = [];
    this.control(taskId, operator, (control, task) => {
      changes = live.setTaskVariables(control, task, parseLive(variablesPatchSchema, patch, 'variables'), reason);
    });
    return changes;
  }

  /** Adds nodes (a subtree, with their dependencies) to a pending, running or paused task (live-nodes.ts). */
  addNodes(taskId: Id, addition: NodeAddition, operator: string): AddNodesResult {
    let result: AddNodesResult = { added: [] };
    this.control(taskId, operator, (control, task) => {
      result = live.addNodes(control, task, parseLive(nodeAdditionSchema, addition, 'addition'));
    });
    return result;
  }

  /** Removes a node (and what it holds) that has not started and that nothing else depends on. */
  removeNode(taskId: Id, nodeId: string, operator: string): RemoveNodeResult {
    let result: RemoveNodeResult = { removed: [] };
    this.control(taskId, operator, (control, task) => {
      result = live.removeNode(control, task, this.node(task, nodeId));
    });
    return result;
  }

  /** Reruns a node and what depends on it, with its config replaced when one is given (live-rerun.ts). */
  rerunNode(taskId: Id, nodeId: string, options: RerunOptions, operator: string): RerunNodeResult {
    let result: RerunNodeResult = { nodes: 0, configChanged: false };
    this.control(taskId, operator, (control, task) => {
      result = live.rerunNode(control, this.node(task, nodeId), parseLive(rerunOptionsSchema, options, 'options'));
    });
    return result;
  }

  /**
   * Holds a node (hold.ts): its running agents are paused on their Engines first; one that
   * cannot pause refuses the whole hold, and nothing is written.
   */
  async holdNode(taskId: Id, nodeId: string, operator: string, reason?: string): Promise<void> {
    const name = checkOperator(operator);
    const task = this.task(taskId);
    const node = this.node(task, nodeId);
    const plan = hold.planHold(node);
    await hold.pauseAll(this.core, plan);
    this.control(taskId, name, (control) => hold.applyHold(control, node, plan, reason));
  }

  /** Releases a held node (or the held nodes of a container): paused agents resume on their Engines first. */
  async releaseNode(taskId: Id, nodeId: string, operator: string): Promise<void> {
    const name = checkOperator(operator);
    const task = this.task(taskId);
    const node = this.node(task, nodeId);
    const nodes = hold.planRelease(node);
    await hold.resumeAll(this.core, nodes);
    this.control(taskId, name, (control) => hold.applyRelease(control, node, nodes));
  }

  /** Approves or rejects a running manual agent: the Engine is told first, then the node ends. */
  async decideManual(taskId: Id, nodeId: string, decision: { approved: boolean; operator: string; comment?: string }): Promise<void> {
    const operator = checkOperator(decision.operator);
    const task = this.task(taskId);
    const node = this.node(task, nodeId);
    controls.checkManual(this.core, node);
    const batch = node.batch;
    const manual: ManualDecision = decision.comment === undefined ? { approved: decision.approved, operator } : { approved: decision.approved, operator, comment: decision.comment };
    node.manualDecision = manual;
    try {
      await this.core.engine.decideManual({ taskId, nodeId, batch, approved: decision.approved, operator, ...(decision.comment === undefined ? {} : { comment: decision.comment }) });
    } catch (error) {
      if (node.manualDecision === manual) node.manualDecision = null;
      const { code, message } = describeError(error);
      throw new SchedulerError('ENGINE_REFUSED', errorReason('engine.refusedDecision', { nodeId, code, detail: message }));
    }
    if (!this.core.isLive(node)) return;
    this.commit(new Step(this.core.clock.now()), (step) => controls.applyManualDecision({ core: this.core, step, operator }, node, batch, manual), true);
    this.schedule();
  }

  /** Drops a task from memory without writing anything: another process has taken it over. */
  forget(taskId: Id): void {
    const task = this.core.tasks.get(taskId);
    if (task) this.discard(task);
  }

  /** Stops listening to the Engine and clears every timer; the store stays open. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.core.timers.clear();
    if (this.capacityTimer !== null) this.core.clock.clearTimeout(this.capacityTimer);
    this.capacityTimer = null;
    for (const task of this.core.tasks.values()) task.discarded = true;
    this.core.tasks.clear();
  }

  private control(taskId: Id, operator: string, body: (control: controls.Control, task: TaskImage) => void): void {
    const name = checkOperator(operator);
    const task = this.task(taskId);
    this.commit(new Step(this.core.clock.now()), (step) => body({ core: this.core, step, operator: name }, task), true);
    this.schedule();
  }

  /** The live image of a task, loaded from the store if the scheduler does not hold it. */
  private task(taskId: Id): TaskImage {
    if (this.closed) throw new SchedulerError('CLOSED', errorReason('scheduler.closed', {}));
    requireTaskId(taskId);
    if (!this.core.tasks.has(taskId)) refuseImportedTask(this.options.store, taskId);
    const task = this.core.tasks.get(taskId) ?? this.load(taskId);
    if (!task) throw taskNotFound(taskId);
    return task;
  }

  private node(task: TaskImage, nodeId: string): RtNode {
    const node = task.nodes.get(nodeId);
    if (!node) throw nodeNotFound(task.id, nodeId);
    return node;
  }

  /** Never an imported task: it is history from a run bundle, whatever status its rows say. */
  private load(taskId: Id): TaskImage | undefined {
    if (isImportedTask(this.options.store, taskId)) return undefined;
    const task = loadTask(this.options.store, taskId);
    if (!task) return undefined;
    this.core.tasks.set(taskId, task);
    if (isOpenTaskStatus(task.status)) activateTask(this.core, task);
    return task;
  }

  private async submit(task: TaskImage): Promise<void> {
    const snapshot = this.options.store.first(this.options.store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', task.id));
    const definition = JSON.parse(snapshot!.workflow_snapshot) as NormalizedWorkflowDefinition;
    try {
      await this.core.engine.submitTask(toEngineRequest(task.id, definition));
    } catch (error) {
      const { code, message } = describeError(error);
      if (!task.discarded && task.status === 'initializing') {
        this.commit(new Step(this.core.clock.now()), (step) => setTaskStatus(this.core, step, task, 'failed', reasonText('taskRefused', { code, message })));
      }
      throw new SchedulerError('ENGINE_REFUSED', errorReason('engine.refusedTask', { taskId: task.id, code, detail: message }));
    }
    if (task.discarded || task.status !== 'initializing') return;
    const engineUrl = this.core.engine.taskEngineUrl?.(task.id) ?? null;
    this.commit(new Step(this.core.clock.now()), (step) => {
      // The Engine knows the task by the id it was submitted under (the request's taskId).
      task.engineTaskId = task.id;
      task.engineUrl = engineUrl;
      setTaskStatus(this.core, step, task, 'running');
      this.core.work.add(task.root);
    });
    this.schedule();
  }

  /**
   * One Engine batch, one transaction: the events, then as much of what they set off as the
   * budget allows (so that a chain advances by one commit per link, not two).
   */
  private ingest(events: EngineEvent[]): void {
    if (this.closed) return;
    const started = performance.now();
    this.commit(new Step(this.core.clock.now()), (step) => {
      ingestEvents(this.core, step, events);
      this.drive(step, started);
    });
    this.afterStep();
  }

  private schedule(): void {
    if (this.pumpScheduled || this.closed) return;
    this.pumpScheduled = true;
    setImmediate(() => this.pump());
  }

  /** One step: what happened since the last one, then decisions and starts until the budget is spent. */
  private pump(): void {
    this.pumpScheduled = false;
    if (this.closed) return;
    const started = performance.now();
    this.commit(new Step(this.core.clock.now()), (step) => this.drive(step, started));
    this.afterStep();
  }

  /**
   * Command outcomes and due timers, then decisions and starts until the step's time is spent.
   * With capacity to spare, each node made ready is started before the next is decided, so
   * that a wide fan-out streams out as it is decided and nothing waits in the queue; when
   * capacity is short, everything is decided first, so that nodes made ready together compete
   * for the free slots by priority. The time covers the writes, the commit and the sending of
   * the step's commands too (at their learned cost, see commit-cost.ts), so a node made ready
   * here waits about one step for its start command however much the step holds.
   */
  private drive(step: Step, started: number): void {
    const core = this.core;
    const cost = core.commitCost;
    const deadline = started + cost.stepMs(this.budgetMs) - cost.fixedMs;
    const spent = () => performance.now() + step.rows * cost.perRowMs + step.commands.length * cost.perCommandMs > deadline;
    for (let event = core.internal.shift(); event; event = core.internal.shift()) applyInternal(core, step, event);
    if (capacityIsShort(core)) {
      for (let count = 1; core.work.size > 0; count++) {
        this.decideNext(step);
        if ((count & 3) === 0 && spent()) return;
      }
    }
    for (let count = 1; ; count++) {
      if (!startNext(core, step) && !this.decideNext(step)) return;
      if ((count & 3) === 0 && spent()) return;
    }
  }

  private decideNext(step: Step): boolean {
    const node = this.core.work.take();
    if (!node) return false;
    if (this.core.isLive(node)) processNode(this.core, step, node);
    return true;
  }

  /** Another step soon if work is left; a capacity poll if only capacity holds agents back. */
  private afterStep(): void {
    const core = this.core;
    const startable = core.startsHeld === 0 && (core.containers.size > 0 || (core.agents.size > 0 && !waitingForCapacity(core, null)));
    if (core.internal.length > 0 || core.work.size > 0 || startable) {
      this.schedule();
    } else if (core.agents.size > 0 && core.startsHeld === 0 && this.capacityTimer === null) {
      this.capacityTimer = core.clock.setTimeout(() => {
        this.capacityTimer = null;
        this.schedule();
      }, this.capacityPollMs);
    }
  }

  /**
   * Runs a step's body and writes its changes in one transaction. After the commit the change
   * feed hears of it and the step's commands go out (deferred to a microtask when the step ran
   * inside a caller's transaction, so that they follow that transaction's commit). If the step
   * fails, nothing of it is written; the tasks it touched are reloaded from the store, so
   * memory never runs ahead of what was committed. `rethrow` hands the error to the caller.
   */
  private commit(step: Step, body: (step: Step) => void, rethrow = false): void {
    const store = this.options.store;
    const nested = store.db.inTransaction;
    let writing = 0;
    try {
      store.transaction(() => {
        body(step);
        writing = performance.now();
        if (!step.empty) flushStep(this.core.statements, step);
      });
      if (!step.empty) {
        this.core.commitCost.observe(step.rows, performance.now() - writing);
        this.checkpoints.wrote(step.rows);
      }
    } catch (error) {
      const message = errorText(error);
      if (!(error instanceof SchedulerError && error.code === 'NOT_ALLOWED')) this.logger.error(`scheduler: a step was rolled back: ${message}`);
      for (const task of step.tasks) this.reload(task, !rethrow);
      if (rethrow) throw error;
      return;
    }
    for (const task of step.tasks) this.failedSteps.delete(task.id);
    if (step.empty && step.commands.length === 0) return;
    this.core.stats.commits++;
    if (nested) queueMicrotask(() => this.afterCommit(step));
    else {
      this.afterCommit(step);
      this.checkpoints.runIfDue();
    }
  }

  private afterCommit(step: Step): void {
    const sending = performance.now();
    for (const command of step.commands) command();
    this.core.commitCost.observeCommands(step.commands.length, performance.now() - sending);
    if (this.listeners.size > 0 && !step.empty) {
      const changes = describeStep(step);
      for (const listener of this.listeners) {
        try {
          listener(changes);
        } catch (error) {
          this.logger.error(`scheduler: a change listener failed: ${errorText(error)}`);
        }
      }
    }
    for (const task of step.tasks) {
      if (TERMINAL_TASK_STATUSES.includes(task.status) && !task.discarded) this.discard(task);
    }
  }

  /** Ended tasks leave memory; an operator acting on one later loads it again. */
  private discard(task: TaskImage): void {
    task.discarded = true;
    if (this.core.tasks.get(task.id) === task) this.core.tasks.delete(task.id);
  }

  /**
   * A task whose own steps keep failing is not reloaded a third time (that would spin on the
   * same fault); it stays out of memory until an operator acts on it or the console restarts.
   */
  private reload(task: TaskImage, countFailure: boolean): void {
    this.discard(task);
    const failures = (this.failedSteps.get(task.id) ?? 0) + (countFailure ? 1 : 0);
    this.failedSteps.set(task.id, failures);
    if (failures >= MAX_FAILED_STEPS) {
      this.logger.error(`scheduler: task ${task.id} failed ${failures} steps in a row; it is left as last committed until an operator acts on it`);
      return;
    }
    if (!this.closed) this.load(task.id);
  }
}

/** Callers inside the process (injects, tests) reach the scheduler without a transport's argument check. */
function parseLive<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new SchedulerError('INVALID_ARGUMENT', errorReason('argument.invalid', { path: [what, ...issue.path.map(String)].join('.'), detail: issue.message }));
}

function checkOperator(operator: unknown): string {
  if (typeof operator !== 'string' || operator.trim() === '' || operator.length > OPERATOR_MAX) {
    throw new SchedulerError('INVALID_ARGUMENT', errorReason('operator.required', { max: OPERATOR_MAX }));
  }
  return operator;
}
