import { ApiError } from '../../../shared/api/errors';
import { errorReason } from '../../../shared/api/error-reasons';
import { operatorInputSchema, type OperatorInput, type OperatorView } from '../../../shared/api/operators';
import type { Store } from '../store/store';

/** Manual steps whose execution is still awaiting a decision. */
const OPEN_EXECUTION_STATUSES = ['pending', 'running'] as const;

export function listOperators(store: Store): OperatorView[] {
  const rows = store.all(store.kysely.selectFrom('operator').selectAll().orderBy('name'));
  const open = openStepsByAssignee(store);
  return rows.map((row) => ({ name: row.name, skills: JSON.parse(row.skills) as string[], supervisor: row.supervisor === 1, openSteps: open.get(row.name) ?? 0 }));
}

/** Adds an operator, or replaces the skills and supervisor flag of the one of that name. */
export function saveOperator(store: Store, input: OperatorInput, now: number = Date.now()): OperatorView {
  const operator = operatorInputSchema.parse(input);
  const skills = JSON.stringify([...new Set(operator.skills)]);
  const supervisor = operator.supervisor ? 1 : 0;
  store.run(
    store.kysely
      .insertInto('operator')
      .values({ id: store.ids.nextBigInt(), name: operator.name, skills, supervisor, created_at: now, updated_at: now })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ skills, supervisor, updated_at: now })),
  );
  return listOperators(store).find((view) => view.name === operator.name)!;
}

export function removeOperator(store: Store, name: string): void {
  const removed = store.run(store.kysely.deleteFrom('operator').where('name', '=', name));
  if (removed.changes === 0) throw new ApiError('NOT_FOUND', errorReason('operator.notFound', { name }));
}

export function findOperator(store: Store, name: string): OperatorView | undefined {
  return listOperators(store).find((view) => view.name === name);
}

/** Open manual steps per assignee: assigned executions still pending or running. */
export function openStepsByAssignee(store: Store): Map<string, number> {
  const rows = store.all(
    store.kysely
      .selectFrom('manual_assignment as a')
      .innerJoin('node_execution as e', (join) => join.onRef('e.task_id', '=', 'a.task_id').onRef('e.node_id', '=', 'a.node_id').onRef('e.batch', '=', 'a.batch'))
      .where('a.assignee', 'is not', null)
      .where('e.status', 'in', OPEN_EXECUTION_STATUSES)
      .select(['a.assignee', (eb) => eb.fn.countAll<number>().as('open')])
      .groupBy('a.assignee'),
  );
  return new Map(rows.map((row) => [row.assignee!, Number(row.open)]));
}
