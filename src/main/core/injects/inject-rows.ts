import { wallClockMs, type InjectSpec } from '../../../shared/injects/inject-spec';
import type { InjectView } from '../../../shared/injects/inject-view';
import type { Id } from '../../../shared/ids';
import type { TaskStatus } from '../../../shared/status';
import type { NormalizedWorkflowDefinition } from '../../../shared/workflow/normalized';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';
import { taskRow } from '../tasks/task-queries';
import { ApiError } from '../../../shared/api/errors';
import { errorReason } from '../../../shared/api/error-reasons';
import { taskTimeMs, taskTimeReader } from './task-time';

/** Written as a message inject's detail until the Engine acknowledges it; found on start-up, it means the console stopped in between. */
export const MESSAGE_SENDING = 'sending the message';

/** The detail of an inject requested by hand that the console running its task has not fired yet. */
export const REQUESTED = 'requested; the console that runs the task fires it';

/**
 * An operator's request to fire an inject, from a process that does not run its task: a row
 * the console that runs it carries out (inject-service.ts). Refused like a firing: an unknown
 * inject, a task not running or paused, an inject fired (or requested) already.
 */
export function requestInject(store: Store, taskId: Id, injectId: string, operator: string, now: number): InjectView {
  const { inject, task } = injectToFire(store, taskId, injectId);
  const existing = fireRows(store, taskId).get(injectId);
  if (existing) throw alreadyFired(taskId, injectId, existing.fired_at);
  try {
    store.run(store.kysely.insertInto('task_inject_fire').values({ id: store.ids.nextBigInt().toString(), task_id: taskId, inject_id: injectId, state: 'requested', fired_at: now, task_time_ms: taskTimeMs(store, taskId, task.startTime, now), operator, detail: REQUESTED }));
  } catch (error) {
    if (fireRows(store, taskId).has(injectId)) throw alreadyFired(taskId, injectId, now);
    throw error;
  }
  return injectView(inject, fireRows(store, taskId).get(injectId), taskTimeReader(store, taskId, task.startTime));
}

/** The inject an operator may fire now; refused with the reason otherwise. */
export function injectToFire(store: Store, taskId: Id, injectId: string): { inject: InjectSpec; task: TaskInjects } {
  const row = taskRow(store, taskId);
  const task = taskInjects(store, taskId);
  const inject = task?.injects.find((candidate) => candidate.id === injectId);
  if (!task || !inject) throw new ApiError('NOT_FOUND', errorReason('inject.notFound', { taskId, injectId }));
  if (row.status !== 'running' && row.status !== 'paused') throw new ApiError('CONFLICT', errorReason('inject.taskNotActive', { taskId, status: row.status }));
  return { inject, task };
}

export function alreadyFired(taskId: Id, injectId: string, at: number): ApiError {
  return new ApiError('CONFLICT', errorReason('inject.alreadyFired', { taskId, injectId, time: new Date(at).toISOString() }));
}

export interface TaskInjects {
  status: TaskStatus;
  startTime: number | null;
  injects: InjectSpec[];
}

/** A task's injects as its workflow snapshot holds them, with its status and start. */
export function taskInjects(store: Store, taskId: Id): TaskInjects | undefined {
  const row = store.first(
    store.kysely
      .selectFrom('deduction_task as t')
      .innerJoin('deduction_task_snapshot as s', 's.task_id', 't.id')
      .select(['t.status', 't.start_time', 's.workflow_snapshot'])
      .where('t.id', '=', taskId),
  );
  if (!row) return undefined;
  const definition = JSON.parse(row.workflow_snapshot) as NormalizedWorkflowDefinition;
  return { status: row.status, startTime: row.start_time, injects: definition.injects ?? [] };
}

export function fireRows(store: Store, taskId: Id): Map<string, Row<'task_inject_fire'>> {
  const rows = store.all(store.kysely.selectFrom('task_inject_fire').selectAll().where('task_id', '=', taskId).orderBy('id'));
  return new Map(rows.map((row) => [row.inject_id, row]));
}

/** Every inject of the task with its state; an unknown task is refused as not found. */
export function listInjects(store: Store, taskId: Id): InjectView[] {
  taskRow(store, taskId);
  const task = taskInjects(store, taskId);
  if (!task) return [];
  const fired = fireRows(store, taskId);
  const taskTime = taskTimeReader(store, taskId, task.startTime);
  return task.injects.map((inject) => injectView(inject, fired.get(inject.id), taskTime));
}

export function injectView(inject: InjectSpec, row: Row<'task_inject_fire'> | undefined, taskTime: ((wallMs: number) => number) | null): InjectView {
  if (row?.state === 'requested') return { ...inject, state: 'pending', firedAt: null, taskTimeMs: plannedTaskTime(inject, taskTime), firedBy: row.operator, detail: REQUESTED };
  if (row) return { ...inject, state: row.state, firedAt: row.fired_at, taskTimeMs: row.task_time_ms, firedBy: row.operator, detail: row.detail };
  return { ...inject, state: 'pending', firedAt: null, taskTimeMs: plannedTaskTime(inject, taskTime), firedBy: null, detail: null };
}

/** Where a pending time-triggered inject falls in task time; a wall-clock one only once the task has started. */
function plannedTaskTime(inject: InjectSpec, taskTime: ((wallMs: number) => number) | null): number | null {
  if (inject.when.type === 'taskTime') return inject.when.afterMs;
  if (inject.when.type === 'wallClock' && taskTime !== null) return taskTime(wallClockMs(inject.when.at));
  return null;
}
