import { errorText } from '../../../shared/error-text';
import type { Id } from '../../../shared/ids';
import { wallClockMs, type InjectAction, type InjectSpec } from '../../../shared/injects/inject-spec';
import type { InjectView } from '../../../shared/injects/inject-view';
import { consoleLogger, type Logger } from '../../../shared/logger';
import { OPEN_TASK_STATUSES, isTerminalTaskStatus } from '../../../shared/status';
import type { TaskChange } from '../../../shared/task/changes';
import { reasonText } from '../../../shared/task/reason-wordings';
import type { EnginePort } from '../engine/engine-port';
import { systemClock, type Clock } from '../scheduler/timers';
import type { Store } from '../store/store';
import { taskRow } from '../tasks/task-queries';
import { alreadyFired, fireRows, injectToFire, injectView, MESSAGE_SENDING, requestInject, taskInjects } from './inject-rows';
import { taskTimeMs } from './task-time';

/**
 * What an inject's setVariables and addNodes actions do to a running task: the scheduler's
 * live changes (issue 22 item 2). Each runs inside the transaction that records the inject.
 */
export interface InjectEffects {
  setVariables(taskId: Id, variables: Record<string, unknown>, operator: string): void;
  addNodes(taskId: Id, nodes: Record<string, unknown>[], operator: string): void;
}

export interface InjectServiceOptions {
  store: Store;
  effects: InjectEffects;
  engine: Pick<EnginePort, 'messageNode'>;
  /** Whether this process drives the task (only the owner fires its injects). */
  owns?: (taskId: Id) => boolean;
  clock?: Clock;
  logger?: Logger;
  /** How often armed tasks are looked at for due time-triggered injects. */
  pollMs?: number;
}

/** Who a transition row names as acting for an inject its moment fired. */
const SYSTEM_OPERATOR = 'inject';

interface Armed {
  injects: InjectSpec[];
  fired: Set<string>;
}

/**
 * Fires the injects of the tasks this process runs, each once: time-triggered ones when their
 * moment has come (looked at every pollMs, so that a task time on another clock needs only
 * task-time.ts changed), node-status ones when the node reaches the status, manual ones when
 * an operator fires them. Each firing is recorded in task_inject_fire (UNIQUE per task and
 * inject) in the transaction that carries out its variables and nodes, with a transition row
 * on the task's root; on start-up, what came due while no console ran fires then.
 */
export class InjectService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly pollMs: number;
  private readonly armed = new Map<Id, Armed>();
  private timer: unknown = null;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: InjectServiceOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? consoleLogger;
    this.pollMs = options.pollMs ?? 200;
  }

  /** Marks messages a previous process sent but saw no answer to, arms every running task's injects and fires what is due. */
  async start(): Promise<void> {
    this.store.run(this.store.kysely.updateTable('task_inject_fire').set({ state: 'failed', detail: 'the console stopped before the Engine answered the message; it was not sent again' }).where('detail', '=', MESSAGE_SENDING));
    const rows = this.store.all(this.store.kysely.selectFrom('deduction_task').select('id').where('status', 'in', [...OPEN_TASK_STATUSES]).orderBy('id'));
    for (const row of rows) this.arm(row.id);
    await this.tick();
  }

  /** What a scheduler commit changed: tasks that started or ended, nodes that reached a status an inject waits for. */
  changed(batch: readonly TaskChange[]): void {
    if (this.closed) return;
    for (const change of batch) {
      if (change.task) {
        if (isTerminalTaskStatus(change.task.status)) this.armed.delete(change.taskId);
        else if (change.task.status === 'running') this.arm(change.taskId);
      }
      const armed = this.armed.get(change.taskId);
      if (!armed || change.nodes.length === 0) continue;
      for (const inject of armed.injects) {
        const when = inject.when;
        if (when.type !== 'nodeStatus' || armed.fired.has(inject.id)) continue;
        if (change.nodes.some((node) => node.nodeId === when.nodeId && node.status === when.status)) this.enqueue(change.taskId, inject, null);
      }
    }
    this.schedule();
  }

  /**
   * An operator fires an inject by hand (any kind, as long as it has not fired). A task another
   * process runs gets a request row instead, which that process fires.
   */
  async fire(taskId: Id, injectId: string, operator: string): Promise<InjectView> {
    const { inject } = injectToFire(this.store, taskId, injectId);
    if (this.options.owns && !this.options.owns(taskId)) return requestInject(this.store, taskId, injectId, operator, this.clock.now());
    let view: InjectView | undefined;
    await this.serialized(async () => {
      view = await this.carryOut(taskId, inject, operator, true);
    });
    return view!;
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.armed.clear();
  }

  /** Loads a task's injects (once) and fires the node-status ones whose node already reached the status. */
  private arm(taskId: Id): void {
    if (this.armed.has(taskId) || (this.options.owns && !this.options.owns(taskId))) return;
    const task = taskInjects(this.store, taskId);
    if (!task || task.injects.length === 0) return;
    const fired = new Set(fireRows(this.store, taskId).keys());
    this.armed.set(taskId, { injects: task.injects, fired });
    for (const inject of task.injects) {
      const when = inject.when;
      if (when.type !== 'nodeStatus' || fired.has(inject.id)) continue;
      const reached = this.store.first(
        this.store.kysely.selectFrom('node_state_transition').select('id').where('task_id', '=', taskId).where('node_id', '=', when.nodeId).where('to_status', '=', when.status).limit(1),
      );
      if (reached) this.enqueue(taskId, inject, null);
    }
  }

  private schedule(): void {
    if (this.closed || this.timer !== null || this.armed.size === 0) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, this.pollMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Fires the injects requested by hand elsewhere, and the time-triggered ones of running tasks whose moment has come. */
  private async tick(): Promise<void> {
    if (this.closed) return;
    const now = this.clock.now();
    for (const [taskId, armed] of this.armed) {
      for (const row of fireRows(this.store, taskId).values()) {
        const inject = row.state === 'requested' ? armed.injects.find((candidate) => candidate.id === row.inject_id) : undefined;
        if (inject) this.enqueue(taskId, inject, row.operator);
      }
      const pending = armed.injects.filter((inject) => !armed.fired.has(inject.id) && (inject.when.type === 'taskTime' || inject.when.type === 'wallClock'));
      if (pending.length === 0) continue;
      const task = taskInjects(this.store, taskId);
      if (!task || task.status !== 'running') continue;
      for (const inject of pending) {
        const when = inject.when;
        const due = when.type === 'taskTime' ? taskTimeMs(this.store, taskId, task.startTime, now) >= when.afterMs : when.type === 'wallClock' && now >= wallClockMs(when.at);
        if (due) this.enqueue(taskId, inject, null);
      }
    }
    await this.queue;
    this.schedule();
  }

  private enqueue(taskId: Id, inject: InjectSpec, operator: string | null): void {
    this.armed.get(taskId)?.fired.add(inject.id);
    void this.serialized(() => this.carryOut(taskId, inject, operator, false).then(() => undefined));
  }

  /** One firing at a time, in order, so that two never race for the same row. */
  private serialized(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch((error: unknown) => this.logger.error(`injects: ${errorText(error)}`));
    return next;
  }

  /**
   * Records the firing and carries out its variables and nodes in one transaction; if an action
   * is refused, nothing of it stays and the inject is recorded failed instead. Messages go out
   * after the commit; their answer completes the record.
   */
  private async carryOut(taskId: Id, inject: InjectSpec, operator: string | null, byHand: boolean): Promise<InjectView> {
    const now = this.clock.now();
    const existing = fireRows(this.store, taskId).get(inject.id);
    if (existing && existing.state !== 'requested') {
      if (byHand) throw alreadyFired(taskId, inject.id, existing.fired_at);
      return injectView(inject, existing, null);
    }
    // A request is carried out once: the update below takes it only while it is still a request.
    const requested = existing?.id;
    const row = taskRow(this.store, taskId);
    const taskTime = taskTimeMs(this.store, taskId, row.start_time, now);
    const actor = operator ?? SYSTEM_OPERATOR;
    const messages = inject.actions.filter((action): action is Extract<InjectAction, { type: 'message' }> => action.type === 'message');
    const what = inject.actions.map(describeAction).join('; ');
    const id = requested ?? this.store.ids.nextBigInt().toString();
    const fired = { state: 'fired' as const, fired_at: now, task_time_ms: taskTime, operator, detail: messages.length > 0 ? MESSAGE_SENDING : what };
    try {
      this.store.transaction(() => {
        if (requested === undefined) this.store.run(this.store.kysely.insertInto('task_inject_fire').values({ id, task_id: taskId, inject_id: inject.id, ...fired }));
        else if (this.store.run(this.store.kysely.updateTable('task_inject_fire').set(fired).where('id', '=', requested).where('state', '=', 'requested')).changes !== 1) throw alreadyFired(taskId, inject.id, now);
        this.audit(taskId, reasonText('injectFired', { inject: JSON.stringify(inject.id), what }), operator, now);
        for (const action of inject.actions) {
          if (action.type === 'setVariables') this.options.effects.setVariables(taskId, action.variables, actor);
          else if (action.type === 'addNodes') this.options.effects.addNodes(taskId, action.nodes, actor);
        }
      });
    } catch (error) {
      const after = fireRows(this.store, taskId).get(inject.id);
      if (after && after.state !== 'requested') throw alreadyFired(taskId, inject.id, after.fired_at);
      this.recordFailure(taskId, inject, id, requested !== undefined, errorText(error), operator, now, taskTime);
      return this.view(taskId, inject);
    }
    if (messages.length > 0) await this.sendMessages(taskId, inject, id, messages, what, now);
    return this.view(taskId, inject);
  }

  private async sendMessages(taskId: Id, inject: InjectSpec, id: string, messages: Extract<InjectAction, { type: 'message' }>[], what: string, now: number): Promise<void> {
    const refused: string[] = [];
    for (const action of messages) {
      const node = this.store.first(this.store.kysely.selectFrom('workflow_node').select(['status', 'current_batch']).where('task_id', '=', taskId).where('node_id', '=', action.nodeId));
      try {
        if (!node || node.status !== 'running') throw new Error(`node ${JSON.stringify(action.nodeId)} is ${node?.status ?? 'not in the task'}, not running`);
        if (!this.options.engine.messageNode) throw new Error('the Engines take no messages');
        await this.options.engine.messageNode({ taskId, nodeId: action.nodeId, batch: node.current_batch, message: action.message, from: inject.id });
      } catch (error) {
        refused.push(`message to ${JSON.stringify(action.nodeId)}: ${errorText(error)}`);
      }
    }
    if (refused.length === 0) {
      this.store.run(this.store.kysely.updateTable('task_inject_fire').set({ detail: what }).where('id', '=', id));
      return;
    }
    const detail = refused.join('; ');
    this.store.transaction(() => {
      this.store.run(this.store.kysely.updateTable('task_inject_fire').set({ state: 'failed', detail }).where('id', '=', id));
      this.audit(taskId, reasonText('injectFailed', { inject: JSON.stringify(inject.id), detail }), null, now);
    });
  }

  private recordFailure(taskId: Id, inject: InjectSpec, id: string, requested: boolean, detail: string, operator: string | null, now: number, taskTime: number): void {
    const failed = { state: 'failed' as const, fired_at: now, task_time_ms: taskTime, operator, detail };
    this.store.transaction(() => {
      if (requested) this.store.run(this.store.kysely.updateTable('task_inject_fire').set(failed).where('id', '=', id));
      else this.store.run(this.store.kysely.insertInto('task_inject_fire').values({ id, task_id: taskId, inject_id: inject.id, ...failed }));
      this.audit(taskId, reasonText('injectFailed', { inject: JSON.stringify(inject.id), detail }), operator, now);
    });
  }

  /** A transition row on the task's root that leaves its status as it is: the run's record of the inject. */
  private audit(taskId: Id, reason: string, operator: string | null, now: number): void {
    const root = this.store.first(this.store.kysely.selectFrom('workflow_node').select(['node_id', 'status', 'current_batch']).where('task_id', '=', taskId).where('is_root', '=', 1));
    if (!root) return;
    this.store.run(
      this.store.kysely.insertInto('node_state_transition').values({
        id: this.store.ids.nextBigInt().toString(),
        task_id: taskId,
        node_id: root.node_id,
        batch: root.current_batch,
        from_status: root.status,
        to_status: root.status,
        reason,
        trigger_type: operator === null ? 'system' : 'user',
        operator,
        created_at: now,
      }),
    );
  }

  private view(taskId: Id, inject: InjectSpec): InjectView {
    return injectView(inject, fireRows(this.store, taskId).get(inject.id), null);
  }
}

function describeAction(action: InjectAction): string {
  if (action.type === 'setVariables') return `set ${Object.keys(action.variables).join(', ') || 'no variables'}`;
  if (action.type === 'addNodes') return `added ${action.nodes.map((node) => String(node['nodeId'])).join(', ')}`;
  return `message to ${action.nodeId}`;
}
