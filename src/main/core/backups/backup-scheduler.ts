import { hostname } from 'node:os';
import { errorText } from '../../../shared/error-text';
import type { Logger } from '../../../shared/logger';
import type { BackupSettings } from '../../../shared/settings/settings';
import type { Store } from '../store/store';
import { backupFolder, pruneBackups, writeCompressedBackup, type WrittenBackup } from './backup-files';
import { systemIntervalClock, type IntervalClock } from '../clock/interval-clock';

export interface BackupSchedulerOptions {
  store: Store;
  settings: () => BackupSettings;
  logger: Logger;
  clock?: IntervalClock;
  /** How often the schedule looks at the clock (default one minute). */
  checkMs?: number;
  /** Told of each failed backup, after it is logged. */
  onFailure?: (message: string) => void;
}

export type BackupOutcome = { ok: true; backup: WrittenBackup; pruned: string[] } | { ok: false; error: string };

/** The local date and time of day `HH:MM` as a slot key, e.g. 2026-12-07T02:00; keys sort as times do. */
function slotKey(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The latest time at or before `now` that the schedule was due (local time of day). */
export function lastDue(now: number, timeOfDay: string): Date {
  const [hours, minutes] = timeOfDay.split(':').map(Number) as [number, number];
  const today = new Date(now);
  const due = new Date(today.getFullYear(), today.getMonth(), today.getDate(), hours, minutes);
  if (due.getTime() > now) due.setDate(due.getDate() - 1);
  return due;
}

/**
 * The daily backup. Every minute it compares the clock with the set time of day; when a new
 * slot is due it claims it in the database (backup_run.slot is unique: of several processes on
 * one database, one writes that backup) and writes, verifies and prunes. At start, a slot missed
 * while no process ran is run once, if this database has had a scheduled backup before (a fresh
 * one waits for its first set time). Failures are logged and reported, never thrown.
 */
export class BackupScheduler {
  private readonly clock: IntervalClock;
  private readonly owner = `${hostname()}:${process.pid}`;
  private handle: unknown = null;
  private seen: string | null = null;
  private running: Promise<BackupOutcome | null> | null = null;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.clock = options.clock ?? systemIntervalClock;
  }

  /** Runs a missed backup if there is one, then follows the schedule. */
  async start(): Promise<BackupOutcome | null> {
    const settings = this.options.settings();
    const due = slotKey(lastDue(this.clock.now(), settings.timeOfDay));
    this.seen = due;
    this.handle = this.clock.setInterval(() => void this.tick(), this.options.checkMs ?? 60_000);
    if (!settings.enabled) return null;
    const last = this.options.store.first(
      this.options.store.kysely.selectFrom('backup_run').select((eb) => eb.fn.max('slot').as('slot')).where('slot', 'is not', null),
    )?.slot;
    if (last === null || last === undefined || last >= due) return null;
    return this.runSlot(due);
  }

  /** One look at the clock: runs the backup of a slot that has come due since the last look. */
  async tick(): Promise<BackupOutcome | null> {
    const settings = this.options.settings();
    const due = slotKey(lastDue(this.clock.now(), settings.timeOfDay));
    if (this.seen !== null && due <= this.seen) return null;
    this.seen = due;
    // While backups are off, slots pass unrun, so turning them on does not start one at once.
    if (!settings.enabled) return null;
    return this.runSlot(due);
  }

  /** When the next scheduled backup is due, or null when backups are off. */
  nextRun(): number | null {
    const settings = this.options.settings();
    if (!settings.enabled) return null;
    const next = lastDue(this.clock.now(), settings.timeOfDay);
    next.setDate(next.getDate() + 1);
    return next.getTime();
  }

  /** A backup now, outside the schedule ("Back up now"). */
  async runNow(): Promise<BackupOutcome> {
    return (await this.exclusive(() => this.write(null)))!;
  }

  close(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  /** Waits for a backup under way (closing the store under one would fail it). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async runSlot(slot: string): Promise<BackupOutcome | null> {
    return this.exclusive(() => this.write(slot));
  }

  private async exclusive(run: () => Promise<BackupOutcome | null>): Promise<BackupOutcome | null> {
    while (this.running) await this.running;
    this.running = run();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Claims the slot (null: a manual run, nothing to claim), writes, records and prunes. */
  private async write(slot: string | null): Promise<BackupOutcome | null> {
    const { store, logger } = this.options;
    const settings = this.options.settings();
    const now = this.clock.now();
    let runId: bigint;
    try {
      runId = store.ids.nextBigInt();
      const claimed = store.run(
        store.kysely
          .insertInto('backup_run')
          .values({ id: runId, slot, started_at: now, claimed_by: this.owner })
          .onConflict((conflict) => conflict.column('slot').doNothing()),
      );
      if (claimed.changes === 0) return null;
    } catch (error) {
      return this.failed(null, `the backup could not be recorded in the database: ${errorText(error)}`);
    }
    const folder = backupFolder(store.file, settings);
    try {
      const backup = await writeCompressedBackup(store, folder, { includeSecrets: settings.includeSecrets, now });
      const verified = backup.problems.length === 0;
      store.run(
        store.kysely
          .updateTable('backup_run')
          .set({
            file: backup.file,
            finished_at: this.clock.now(),
            bytes: backup.bytes,
            sha256: backup.sha256,
            verified: verified ? 1 : 0,
            error: verified ? null : `verification failed: ${backup.problems.join('; ')}`,
          })
          .where('id', '=', String(runId)),
      );
      if (!verified) return this.failed(null, `the backup ${backup.path} failed verification: ${backup.problems.join('; ')}`);
      const pruned = pruneBackups(store.file, folder, settings.retentionDays, this.clock.now());
      if (pruned.length > 0) logger.info(`backups older than ${settings.retentionDays} days removed from ${folder}: ${pruned.join(', ')}`);
      logger.info(`backed up ${store.file} to ${backup.path} (${backup.bytes} bytes, verified)`);
      return { ok: true, backup, pruned };
    } catch (error) {
      return this.failed(runId, `the backup into ${folder} failed: ${errorText(error)}`);
    }
  }

  private failed(runId: bigint | null, message: string): BackupOutcome {
    this.options.logger.error(message);
    if (runId !== null) {
      try {
        const { store } = this.options;
        store.run(store.kysely.updateTable('backup_run').set({ finished_at: this.clock.now(), error: message }).where('id', '=', String(runId)));
      } catch (error) {
        this.options.logger.error(`the failed backup could not be recorded: ${errorText(error)}`);
      }
    }
    this.options.onFailure?.(message);
    return { ok: false, error: message };
  }
}
