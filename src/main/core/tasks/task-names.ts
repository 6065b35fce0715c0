import type { Store } from '../store/store';

/** Whether a task has this name already (names are unique: migrations/007). */
export function isTaskNameTaken(store: Store, name: string): boolean {
  return store.first(store.kysely.selectFrom('deduction_task').select('id').where('task_name', '=', name)) !== undefined;
}

/**
 * `name` if no task has it, else "name (2)", "name (3)"…, the first free one: the numbering
 * migration 007 gave tasks that shared a name.
 */
export function freeTaskName(store: Store, name: string): string {
  if (!isTaskNameTaken(store, name)) return name;
  for (let k = 2; ; k++) {
    const numbered = `${name} (${k})`;
    if (!isTaskNameTaken(store, numbered)) return numbered;
  }
}
