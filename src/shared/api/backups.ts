/** One compressed backup in the backup folder, newest first in lists. */
export interface BackupEntry {
  /** The file's name within the folder (what a restore names). */
  file: string;
  /** Its full path. */
  path: string;
  /** When it was written. */
  time: number;
  /** Size of the compressed file, in bytes. */
  bytes: number;
  /**
   * Whether it was read back after writing (decompressed, checksum compared, integrity checked)
   * and found sound; null for a file this database has no record of (copied in, or older).
   */
  verified: boolean | null;
  /** Why the run that wrote it failed, when it did. */
  error: string | null;
}

export interface BackupListing {
  folder: string;
  backups: BackupEntry[];
  /** The last scheduled or manual run that failed, if the latest one did. */
  lastError: string | null;
  /** The next scheduled backup (ms since the epoch), null when backups are off. */
  nextRun: number | null;
  /** A restore staged for the next start, if any. */
  pendingRestore: string | null;
}

/** A restore chosen in the running app: it replaces the database when the console next starts. */
export interface StagedRestore {
  file: string;
  stagedAs: string;
}
