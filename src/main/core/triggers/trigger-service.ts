import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { errorText } from '../../../shared/error-text';
import type { Id } from '../../../shared/ids';
import { consoleLogger, type Logger } from '../../../shared/logger';
import { nextFiring, readSchedule } from '../../../shared/triggers/cron';
import type { TriggerSpec } from '../../../shared/triggers/trigger-spec';
import type { TriggerFireResult } from '../../../shared/triggers/trigger-view';
import { systemClock, type Clock } from '../scheduler/timers';
import type { Store } from '../store/store';
import { FolderWatch, type ArrivedFile } from './folder-watch';
import type { StartTriggeredTask, TaskVariables } from './start-task';
import { parseSpec, recordFiring, setTriggerError, triggerRow, type TriggerRow } from './trigger-rows';

export interface TriggerServiceOptions {
  store: Store;
  start: StartTriggeredTask;
  clock?: Clock;
  logger?: Logger;
  /**
   * Whether this process fires schedules and watches folders: the one holding the scheduler
   * role does. Always, when left out. An HTTP or hand firing does not ask.
   */
  canFire?: () => boolean;
  /** A schedule's firing found later than this is missed, handled by its catch-up policy (default 1 min). */
  lateToleranceMs?: number;
  /** How often the triggers are read again, to see what other processes and the CLI changed (default 30 s). */
  refreshMs?: number;
  /** How often watched folders are scanned beside fs.watch (default 5 s). */
  scanMs?: number;
  /** How long a new file must stay the same size before it fires (default 2 s). */
  settleMs?: number;
}

/** How many missed firings of one schedule are counted at most; "1000 or more" beyond. */
const MISSED_COUNT_CAP = 1000;

/**
 * Fires the triggers of the database: schedules at their next time in their zone (claimed in
 * the database, so that of several processes one fires), watched folders once per new file,
 * and HTTP or hand firings on request. Each firing starts a task of the template's latest
 * version and is recorded. On start, the firings a schedule missed while no process ran are
 * skipped (recorded as missed) or run once, as its catch-up policy says.
 */
export class TriggerService {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly lateToleranceMs: number;
  private readonly refreshMs: number;
  private readonly watches = new Map<Id, { key: string; watch: FolderWatch }>();
  private timer: unknown = null;
  private passing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: TriggerServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? consoleLogger;
    this.lateToleranceMs = options.lateToleranceMs ?? 60_000;
    this.refreshMs = options.refreshMs ?? 30_000;
  }

  /** The service's time: what triggers changed through the API compute their next firing from. */
  now(): number {
    return this.clock.now();
  }

  /** Handles what was missed, then fires as the triggers say until closed. */
  async start(): Promise<void> {
    await this.tick();
  }

  /** Something changed the triggers here (the API): schedules and watches follow at once. */
  changed(): void {
    if (!this.closed) void this.tick();
  }

  /** Runs every schedule that is due now; resolves once their tasks are started. Tests drive it with a fake clock. */
  async tick(): Promise<void> {
    if (this.closed) return;
    if (this.passing) return this.passing;
    let firing = false;
    this.passing = (async () => {
      try {
        firing = this.canFire();
        if (firing) {
          await this.fireDueSchedules();
          this.syncWatches();
        } else {
          this.closeWatches();
        }
      } catch (error) {
        this.logger.error(`triggers: ${errorText(error)}`);
      } finally {
        this.passing = null;
        this.arm(firing);
      }
    })();
    return this.passing;
  }

  /** An HTTP call or a hand fires a trigger of any kind, with variables over the trigger's own; a paused one is refused. */
  async fire(id: Id, variables: TaskVariables, via: 'http' | 'hand', by: string): Promise<TriggerFireResult> {
    const row = triggerRow(this.options.store, id);
    if (row.paused === 1) throw new ApiError('CONFLICT', errorReason('trigger.paused', { id }));
    const now = this.clock.now();
    const started = await this.startTask(row, parseSpec(row), variables, { firedAt: now, via, by }, { dueAt: null, missed: 0 });
    if ('error' in started) throw started.error;
    return { triggerId: id, taskId: started.taskId };
  }

  /** Stops firing; resolves once a firing under way has been recorded, so the store can close after it. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.closeWatches();
    await this.passing;
  }

  private canFire(): boolean {
    return this.options.canFire?.() ?? true;
  }

  /** Wakes at the soonest firing, or to look again after refreshMs; a process that does not fire only looks again. */
  private arm(firing: boolean): void {
    if (this.closed) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    if (!firing) return this.wake(this.refreshMs);
    const { store } = this.options;
    const soonest = store.first(
      store.kysely.selectFrom('workflow_trigger').select((eb) => eb.fn.min('next_fire_at').as('at')).where('paused', '=', 0).where('next_fire_at', 'is not', null),
    )?.at;
    const now = this.clock.now();
    this.wake(soonest === null || soonest === undefined ? this.refreshMs : Math.min(this.refreshMs, Math.max(0, Number(soonest) - now)));
  }

  private wake(ms: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
    // Waiting for the next firing never keeps a process alive by itself.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async fireDueSchedules(): Promise<void> {
    const { store } = this.options;
    const now = this.clock.now();
    const due = store.all(
      store.kysely.selectFrom('workflow_trigger').selectAll().where('kind', '=', 'schedule').where('paused', '=', 0).where('next_fire_at', '<=', now).orderBy('next_fire_at'),
    );
    for (const row of due) {
      if (this.closed) return;
      await this.fireSchedule(row, now);
    }
  }

  private async fireSchedule(row: TriggerRow, now: number): Promise<void> {
    const spec = parseSpec(row);
    if (spec.type !== 'schedule' || row.next_fire_at === null) return;
    const reading = readSchedule(spec.cron, spec.timezone);
    const next = reading.ok ? nextFiring(reading.cron, now) : null;
    // The claim: of the processes that see this firing due, the one whose update lands fires it.
    const claimed = this.options.store.run(
      this.options.store.kysely
        .updateTable('workflow_trigger')
        .set({ next_fire_at: next, checked_until: now, updated_at: now })
        .where('id', '=', row.id)
        .where('paused', '=', 0)
        .where('next_fire_at', '=', row.next_fire_at),
    );
    if (claimed.changes !== 1 || !reading.ok) return;

    const times = [row.next_fire_at];
    for (let at = nextFiring(reading.cron, row.next_fire_at); at !== null && at <= now && times.length < MISSED_COUNT_CAP; at = nextFiring(reading.cron, at)) times.push(at);
    const latest = times[times.length - 1]!;
    const onTime = now - latest <= this.lateToleranceMs;
    const missed = onTime ? times.length - 1 : times.length;
    const missedText = times.length >= MISSED_COUNT_CAP ? `${MISSED_COUNT_CAP} or more` : String(missed);
    const trigger = { firedAt: now, dueAt: latest, via: 'schedule', missed, catchUp: !onTime };

    if (spec.catchUp === 'skip' && missed > 0) {
      recordFiring(this.options.store, {
        triggerId: row.id,
        firedAt: now,
        dueAt: times[0]!,
        outcome: 'missed',
        missed,
        taskId: null,
        detail: `${missedText} firing(s) from ${new Date(times[0]!).toISOString()} were missed while no console ran; skipped, as the trigger's catch-up policy says`,
      });
      this.logger.warn(`trigger ${row.id} (${row.template_name}): ${missedText} missed firing(s) skipped`);
      if (!onTime) return;
      await this.startTask(row, spec, {}, { ...trigger, missed: 0, catchUp: false }, { dueAt: latest, missed: 0 });
      return;
    }
    await this.startTask(row, spec, {}, trigger, { dueAt: latest, missed });
  }

  private syncWatches(): void {
    const { store } = this.options;
    const rows = store.all(store.kysely.selectFrom('workflow_trigger').selectAll().where('kind', '=', 'file').where('paused', '=', 0));
    const wanted = new Set<Id>();
    for (const row of rows) {
      const spec = parseSpec(row);
      if (spec.type !== 'file') continue;
      wanted.add(row.id);
      const key = `${spec.folder}\n${spec.pattern ?? ''}`;
      const current = this.watches.get(row.id);
      if (current?.key === key) continue;
      current?.watch.close();
      const watch = new FolderWatch({
        folder: spec.folder,
        pattern: spec.pattern,
        since: row.checked_until ?? row.created_at,
        clock: this.clock,
        scanMs: this.options.scanMs ?? 5_000,
        settleMs: this.options.settleMs ?? 2_000,
        onFile: (file) => void this.fileArrived(row.id, file),
        onProblem: (problem) => setTriggerError(store, row.id, problem, this.clock.now()),
      });
      this.watches.set(row.id, { key, watch });
    }
    for (const [id, { watch }] of this.watches) {
      if (wanted.has(id)) continue;
      watch.close();
      this.watches.delete(id);
    }
  }

  private async fileArrived(id: Id, file: ArrivedFile): Promise<void> {
    if (this.closed) return;
    let row: TriggerRow;
    try {
      row = triggerRow(this.options.store, id);
    } catch {
      return;
    }
    if (row.paused === 1) return;
    const now = this.clock.now();
    await this.startTask(row, parseSpec(row), { file: { ...file } }, { firedAt: now, via: 'file', file: file.path }, { dueAt: null, missed: 0 });
    this.options.store.run(this.options.store.kysely.updateTable('workflow_trigger').set({ checked_until: now }).where('id', '=', id));
  }

  /** Starts the task and records the firing; a failure is recorded as the trigger's error and returned, never thrown. */
  private async startTask(
    row: TriggerRow,
    spec: TriggerSpec,
    eventVariables: TaskVariables,
    info: TaskVariables,
    firing: { dueAt: number | null; missed: number },
  ): Promise<{ taskId: Id } | { error: unknown }> {
    const firedAt = typeof info.firedAt === 'number' ? info.firedAt : this.clock.now();
    const variables: TaskVariables = {
      ...spec.variables,
      ...eventVariables,
      trigger: { id: row.id, name: spec.name ?? null, kind: spec.type, ...info, firedAt: new Date(firedAt).toISOString() },
    };
    try {
      const taskId = await this.options.start({ templateName: row.template_name, variables, owner: row.owner ?? 'trigger' });
      recordFiring(this.options.store, { triggerId: row.id, firedAt, dueAt: firing.dueAt, outcome: 'started', missed: firing.missed, taskId, detail: null });
      return { taskId };
    } catch (error) {
      const detail = errorText(error);
      this.logger.error(`trigger ${row.id} (${row.template_name}) could not start a task: ${detail}`);
      recordFiring(this.options.store, { triggerId: row.id, firedAt, dueAt: firing.dueAt, outcome: 'failed', missed: firing.missed, taskId: null, detail });
      return { error };
    }
  }

  private closeWatches(): void {
    for (const { watch } of this.watches.values()) watch.close();
    this.watches.clear();
  }
}
