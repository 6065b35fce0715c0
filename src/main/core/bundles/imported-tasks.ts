import { errorReason } from '../../../shared/api/error-reasons';
import type { Id } from '../../../shared/ids';
import { SchedulerError } from '../scheduler/errors';
import type { Store } from '../store/store';

/** True for a task imported from a run bundle: history from elsewhere, never scheduled here. */
export function isImportedTask(store: Store, taskId: Id): boolean {
  const row = store.first(store.kysely.selectFrom('deduction_task').select('imported_at').where('id', '=', taskId));
  return row !== undefined && row.imported_at !== null;
}

/** Refuses any control of an imported task, whatever status its rows say. */
export function refuseImportedTask(store: Store, taskId: Id): void {
  if (isImportedTask(store, taskId)) {
    throw new SchedulerError('NOT_ALLOWED', errorReason('task.imported', { taskId }));
  }
}
