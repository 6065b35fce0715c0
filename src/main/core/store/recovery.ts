import { basename, dirname } from 'node:path';
import { findBackups, restoreStore } from './backup';
import { StoreOpenError } from './errors';
import { errorText } from '../../../shared/error-text';

export type RecoveryAction = { kind: 'restore'; backup: string } | { kind: 'choose-backup' } | { kind: 'quit' };

export interface RecoveryOption {
  label: string;
  action: RecoveryAction;
}

/** What to put before the user when the database cannot be opened, and what each answer does. */
export interface RecoveryPlan {
  title: string;
  message: string;
  detail: string;
  options: RecoveryOption[];
  /** Index of the option Enter picks. */
  defaultIndex: number;
  /** Index of the option Escape (or closing the dialog) picks: always quitting. */
  cancelIndex: number;
}

/**
 * The offer for a database that failed its integrity check or cannot be read as one:
 * restore the newest backup (when there is one), choose a backup file, or quit. Errors a
 * backup cannot fix (a newer app's database, an edited migration, a broken installation)
 * get no plan: restoring over them would hide the real problem.
 */
export function planRecovery(error: unknown, backups: readonly string[]): RecoveryPlan | null {
  if (!(error instanceof StoreOpenError) || (error.code !== 'INTEGRITY' && error.code !== 'NOT_A_DATABASE')) return null;
  const newest = backups[0];
  const options: RecoveryOption[] = [
    ...(newest ? [{ label: `Restore the newest backup (${basename(newest)})`, action: { kind: 'restore', backup: newest } } as const] : []),
    { label: 'Choose a backup file…', action: { kind: 'choose-backup' } },
    { label: 'Quit', action: { kind: 'quit' } },
  ];
  const kept = 'Restoring keeps the current file beside it; nothing is deleted or overwritten.';
  return {
    title: 'Database cannot be opened',
    message: error.code === 'INTEGRITY' ? `The console's database is damaged: ${error.file}` : `The console's database cannot be read: ${error.file}`,
    detail: [
      error.message,
      newest ? `Backups found beside it, newest first:\n${backups.join('\n')}` : 'No backups were found beside it.',
      kept,
    ].join('\n\n'),
    options,
    defaultIndex: 0,
    cancelIndex: options.length - 1,
  };
}

/** The dialogs the shell shows; each returns what the user answered. */
export interface RecoveryUi {
  /** Shows the plan and returns the index of the chosen option. */
  choose(plan: RecoveryPlan): Promise<number>;
  /** Lets the user pick a backup file, starting in `folder`; null if cancelled. */
  pickBackup(folder: string): Promise<string | null>;
  tell(kind: 'info' | 'error', message: string, detail: string): Promise<void>;
}

export interface RecoveryOptions {
  dbFile: string;
  migrationsDir: string;
  ui: RecoveryUi;
  now?: () => number;
}

/**
 * Opens with `open`; if the database is damaged or unreadable, offers the recovery plan until
 * the user restores a backup that opens, or quits (then null). A refused backup is reported
 * and the offer repeats. Errors without a plan are rethrown for the caller to report.
 */
export async function openWithRecovery<T>(open: () => Promise<T>, options: RecoveryOptions): Promise<T | null> {
  for (;;) {
    let failure: unknown;
    try {
      return await open();
    } catch (error) {
      failure = error;
    }
    const restored = await offerRecovery(failure, options);
    if (!restored) return null;
  }
}

/** One round of the offer: true once a backup is in place, false if the user quits. */
async function offerRecovery(failure: unknown, options: RecoveryOptions): Promise<boolean> {
  for (;;) {
    const plan = planRecovery(failure, findBackups(options.dbFile));
    if (!plan) throw failure;
    const chosen = plan.options[await options.ui.choose(plan)] ?? plan.options[plan.cancelIndex]!;
    let backup: string | null;
    if (chosen.action.kind === 'quit') return false;
    if (chosen.action.kind === 'restore') backup = chosen.action.backup;
    else backup = await options.ui.pickBackup(dirname(options.dbFile));
    if (backup === null) continue;
    try {
      const result = await restoreStore({ backupFile: backup, targetFile: options.dbFile, migrationsDir: options.migrationsDir, now: options.now });
      await options.ui.tell(
        'info',
        `Restored ${basename(backup)}.`,
        result.previousSavedAs ? `The file it replaced is kept as ${result.previousSavedAs}.` : 'There was no file to replace.',
      );
      return true;
    } catch (error) {
      await options.ui.tell('error', `${basename(backup)} was not restored.`, errorText(error));
    }
  }
}
