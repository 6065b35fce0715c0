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
  /** The desktop app's shared host, told only to its own window (never to a host session). */
  host?: ConsoleHostStatus;
}

/** Whether the desktop app serves this console, where, and with which links; or why not. */
export interface ConsoleHostStatus {
  state: 'off' | 'on' | 'failed';
  url?: string;
  /** Links carrying the token: whoever holds one may drive (operator) or watch (viewer). */
  operatorUrl?: string;
  viewerUrl?: string;
  /** Why the host is not serving although it is enabled. */
  reason?: string;
}
