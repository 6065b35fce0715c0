import type { Compilable } from 'kysely';
import type { ApiError } from '../../../shared/api/errors';
import type { Store } from '../store/store';
import { isNameClash } from './catalog-errors';

/** The columns every catalog row (scheme, environment) has, with the count of tasks made in it. */
interface CatalogRowTail {
  created_at: number;
  updated_at: number;
  task_count: number | null;
}

/** The fields that end every catalog view. */
export function catalogViewTail(row: CatalogRowTail): { createdAt: number; updatedAt: number; taskCount: number } {
  return { createdAt: row.created_at, updatedAt: row.updated_at, taskCount: Number(row.task_count ?? 0) };
}

/**
 * Runs an insert or update of a catalog row. Names are unique per catalog: a clash is refused
 * naming the name given (undefined when the write leaves the name as it was).
 */
export function writeNamedRow(store: Store, write: Compilable<unknown>, name: string | undefined, nameTaken: (name: string) => ApiError): void {
  try {
    store.run(write);
  } catch (error) {
    if (isNameClash(error) && name !== undefined) throw nameTaken(name);
    throw error;
  }
}
