/** What the window shows about the application and its store. */
export interface StoreStatus {
  file: string;
  schemaVersion: number;
  journalMode: string;
  foreignKeys: boolean;
  backupFile: string | null;
}

/** Operators may change deductions; viewers only watch (the host's read-only token). */
export const SESSION_ROLES = ['operator', 'viewer'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

export interface AppStatus {
  appName: string;
  version: string;
  store: StoreStatus;
  /** Who this window acts as, so it offers only the controls the session may use. */
  session: { operator: string; role: SessionRole };
}
