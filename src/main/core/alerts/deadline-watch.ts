import type { Interval } from '../../../shared/forecast/forecast';
import type { Id } from '../../../shared/ids';
import { TERMINAL_TASK_STATUSES } from '../../../shared/status';
import type { Store } from '../store/store';

/** A task with a deadline, and whether its forecast says it will miss it. */
export interface DeadlineVerdict {
  taskId: Id;
  deadline: number;
  finish: Interval;
  /** How long after the deadline the p90 finish falls; 0 or less when it falls inside. */
  lateMs: number;
}

/**
 * Tasks that have a deadline and have not ended (imported runs are history, never watched),
 * each with its forecast finish. The p90 is the bound a commander plans to: the alert warns as
 * soon as the pessimistic finish passes the deadline, not when the median does.
 */
export function deadlineVerdicts(store: Store, finishOf: (taskId: Id) => Interval): DeadlineVerdict[] {
  const rows = store.all(
    store.kysely
      .selectFrom('deduction_task')
      .select(['id', 'deadline'])
      .where('deadline', 'is not', null)
      .where('imported_at', 'is', null)
      .where('status', 'not in', TERMINAL_TASK_STATUSES),
  );
  return rows.map((row) => {
    const finish = finishOf(row.id);
    return { taskId: row.id, deadline: row.deadline!, finish, lateMs: finish.p90 - row.deadline! };
  });
}
