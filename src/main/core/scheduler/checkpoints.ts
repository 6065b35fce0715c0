import type { Database, Statement } from 'better-sqlite3';

/**
 * Pages a scheduler commit is taken to write per row, plus a few for the task row and the
 * B-tree pages above the rows: an estimate that only needs to be of the right size.
 */
const PAGES_PER_COMMIT = 2;

/**
 * Copies the write-ahead log into the database between steps, after a step's start commands
 * have gone out, instead of inside a commit. SQLite's automatic checkpoint runs inside the
 * commit that crosses its threshold, and on a disk it syncs the database file (milliseconds),
 * which every node started by that step waited for; the store sets the automatic one high
 * (see store.ts) and this one runs at about SQLite's usual WAL size.
 */
export class WalCheckpoints {
  private pages = 0;
  private readonly checkpoint: Statement;

  constructor(
    private readonly db: Database,
    private readonly everyPages = 1000,
  ) {
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  }

  wrote(rows: number): void {
    this.pages += rows + PAGES_PER_COMMIT;
  }

  /** Checkpoints if enough was written since the last time and no transaction is open. */
  runIfDue(): void {
    if (this.pages < this.everyPages || this.db.inTransaction || this.db.memory) return;
    this.pages = 0;
    this.checkpoint.get();
  }
}
