import { ZodError } from 'zod';
import { ApiError } from '../shared/api/errors';
import { requireShippedDir } from '../main/core/paths';
import { useSecretKey } from '../main/core/settings/settings-store';
import { openStore, type Store } from '../main/core/store/store';
import { TemplateNotFoundError } from '../main/core/workflow/templates';
import type { CliIo } from './io';

/** Exit codes of the template, task and backup-list commands: done, no such row, refused or bad input. */
export const MAINTENANCE_EXIT = { ok: 0, notFound: 1, refused: 2 } as const;

/**
 * Opens the store, runs one operation and closes it. A refusal (an unknown name or id, a live
 * task, bad input) is printed with its reason: exit 1 when what was named does not exist, 2
 * otherwise.
 */
export async function withMaintenanceStore(db: string, io: CliIo, exit: (code: number) => void, operation: (store: Store) => Promise<void> | void): Promise<void> {
  const store = await openStore({ file: db, migrationsDir: requireShippedDir('migrations') });
  try {
    useSecretKey(store);
    await operation(store);
  } catch (error) {
    if (error instanceof ApiError || error instanceof TemplateNotFoundError) {
      const notFound = error instanceof TemplateNotFoundError || error.code === 'NOT_FOUND';
      exit(notFound ? MAINTENANCE_EXIT.notFound : MAINTENANCE_EXIT.refused);
      io.err(`deduction: ${error.message}`);
      return;
    }
    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      exit(MAINTENANCE_EXIT.refused);
      io.err(`deduction: ${issue.path.join('.') || 'input'}: ${issue.message}`);
      return;
    }
    throw error;
  } finally {
    store.close();
  }
}

/** A list option given as `a,b` or repeated. */
export function listOption(text: string, previous: string[] = []): string[] {
  return [...previous, ...text.split(',').map((part) => part.trim()).filter(Boolean)];
}
