/** What the window shows about the application and its store. */
export interface StoreStatus {
  file: string;
  schemaVersion: number;
  journalMode: string;
  foreignKeys: boolean;
  backupFile: string | null;
}

export interface AppStatus {
  appName: string;
  version: string;
  store: StoreStatus;
}
