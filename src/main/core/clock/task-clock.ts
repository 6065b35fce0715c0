import { ApiError } from '../../../shared/api/errors';
import { isTerminalTaskStatus } from '../../../shared/status';
import { errorReason } from '../../../shared/api/error-reasons';
import { applyClockChange, clockChangeSchema, type ClockAnchor, type ClockChange, type TimeBase } from '../../../shared/clock/clock-model';
import type { ClockChangeView, TaskClockView } from '../../../shared/clock/clock-view';
import { currentAnchor, taskTimeAt } from '../../../shared/clock/task-time';
import type { EngineClock } from '../../../shared/engine/protocol';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';
import { taskRow } from '../tasks/task-queries';
import { invalidArgument } from '../tasks/task-errors';


function changeView(row: Row<'task_clock_change'>, startedAt: number | null, anchors: readonly ClockAnchor[]): ClockChangeView {
  const view: ClockChangeView = {
    action: row.action,
    operator: row.operator,
    atMs: row.at_ms,
    taskTimeMs: startedAt === null ? 0 : taskTimeAt(startedAt, anchors, row.at_ms),
    old: { simMs: row.old_sim_ms, wallMs: row.at_ms, rate: row.old_rate, paused: row.old_paused === 1 },
    new: { simMs: row.new_sim_ms, wallMs: row.at_ms, rate: row.new_rate, paused: row.new_paused === 1 },
  };
  if (row.step_ms !== null) view.stepMs = row.step_ms;
  return view;
}

/** The anchors of a task's clock history, in the order they were made (each change's new clock). */
export function clockAnchors(store: Store, taskId: string): ClockAnchor[] {
  return changeRows(store, taskId).map((row) => ({ simMs: row.new_sim_ms, wallMs: row.at_ms, rate: row.new_rate, paused: row.new_paused === 1 }));
}

function changeRows(store: Store, taskId: string): Row<'task_clock_change'>[] {
  return store.all(store.kysely.selectFrom('task_clock_change').selectAll().where('task_id', '=', taskId).orderBy('id'));
}

export function timeBaseOf(store: Store, taskId: string): TimeBase {
  return store.first(store.kysely.selectFrom('task_clock').select('time_base').where('task_id', '=', taskId))?.time_base ?? 'wall';
}

/** A task's clock now, with its recorded changes. */
export function readTaskClock(store: Store, taskId: string, now: number): TaskClockView {
  const task = taskRow(store, taskId);
  const rows = changeRows(store, task.id);
  const anchors = rows.map((row) => ({ simMs: row.new_sim_ms, wallMs: row.at_ms, rate: row.new_rate, paused: row.new_paused === 1 }));
  const at = isTerminalTaskStatus(task.status) && task.end_time !== null ? task.end_time : now;
  const anchor = currentAnchor(task.start_time, anchors, at);
  return {
    taskId: task.id,
    timeBase: timeBaseOf(store, task.id),
    simMs: task.start_time === null ? 0 : taskTimeAt(task.start_time, anchors, at),
    wallMs: at,
    rate: anchor.rate,
    paused: anchor.paused,
    anchor,
    startedAtMs: task.start_time,
    changes: rows.map((row) => changeView(row, task.start_time, anchors)),
  };
}

/**
 * The clock a start command carries: absent for a task that never left real time, so the
 * Engines of tasks without an exercise clock see the same commands as before.
 */
export function engineClockOf(store: Store, taskId: string, now: number): EngineClock | undefined {
  const row = store.first(store.kysely.selectFrom('task_clock').selectAll().where('task_id', '=', taskId));
  if (!row) return undefined;
  const clock = readTaskClock(store, taskId, now);
  return { simMs: clock.simMs, rate: clock.rate, paused: clock.paused };
}

/** Records that a task runs its timers, pins and timeouts on its simulation clock (createTask's `timeBase`). */
export function setTimeBase(store: Store, taskId: string, timeBase: TimeBase, now: number): void {
  store.run(
    store.kysely
      .insertInto('task_clock')
      .values({ task_id: taskId, time_base: timeBase, sim_ms: 0, wall_ms: now, rate: 1, paused: 0, updated_at: now })
      .onConflict((conflict) => conflict.column('task_id').doUpdateSet({ time_base: timeBase, updated_at: now })),
  );
}

/**
 * Changes a task's clock and records the change (who, when, the clock before and after). A
 * change that would do nothing, a step of a running clock and any change of an ended task are
 * refused with the reason.
 */
export function changeTaskClock(store: Store, taskId: string, given: ClockChange, operator: string | null, now: number): TaskClockView {
  const parsed = clockChangeSchema.safeParse(given);
  if (!parsed.success) throw invalidArgument('setTaskClock', parsed.error.issues[0]!, '(change)');
  const change = parsed.data;
  return store.transaction(() => {
    const task = taskRow(store, taskId);
    if (isTerminalTaskStatus(task.status)) throw new ApiError('CONFLICT', errorReason('clock.ended', { taskId: task.id, status: task.status }));
    if (change.action === 'step' && task.start_time === null) throw new ApiError('CONFLICT', errorReason('clock.notStarted', { taskId: task.id }));
    const before = currentAnchor(task.start_time, clockAnchors(store, task.id), now);
    const outcome = applyClockChange(before, change, now);
    if (!outcome.ok) {
      const params = { taskId: task.id, action: change.action, rate: before.rate };
      throw new ApiError('CONFLICT', errorReason(`clock.${outcome.why}`, params));
    }
    const after = outcome.anchor;
    const old = { ...before, simMs: after.simMs - (change.action === 'step' ? change.ms : 0) };
    store.run(
      store.kysely.insertInto('task_clock_change').values({
        id: store.ids.next(),
        task_id: task.id,
        action: change.action,
        operator,
        at_ms: now,
        step_ms: change.action === 'step' ? change.ms : null,
        old_sim_ms: old.simMs,
        old_rate: old.rate,
        old_paused: old.paused ? 1 : 0,
        new_sim_ms: after.simMs,
        new_rate: after.rate,
        new_paused: after.paused ? 1 : 0,
      }),
    );
    const anchorRow = { sim_ms: after.simMs, wall_ms: now, rate: after.rate, paused: after.paused ? (1 as const) : (0 as const), updated_at: now };
    store.run(
      store.kysely
        .insertInto('task_clock')
        .values({ task_id: task.id, time_base: 'wall', ...anchorRow })
        .onConflict((conflict) => conflict.column('task_id').doUpdateSet(anchorRow)),
    );
    return readTaskClock(store, task.id, now);
  });
}
