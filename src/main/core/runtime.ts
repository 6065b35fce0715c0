import type { ConsoleApi } from '../../shared/api/contract';
import { createConsoleService } from './service/console-service';
import { EventHub } from './service/event-hub';
import { openStore, type Store } from './store/store';

export interface ConsoleRuntimeOptions {
  dbFile: string;
  migrationsDir: string;
  appName: string;
  version: string;
}

/**
 * Everything the console's core runs, assembled once: the store, the ConsoleApi service and
 * its event streams. The Electron shell, the headless host and the CLI each start one of
 * these and only add their own face.
 */
export interface ConsoleRuntime {
  readonly store: Store;
  readonly api: ConsoleApi;
  readonly events: EventHub;
  close(): Promise<void>;
}

export async function startConsoleRuntime(options: ConsoleRuntimeOptions): Promise<ConsoleRuntime> {
  const store = await openStore({ file: options.dbFile, migrationsDir: options.migrationsDir, appVersion: options.version });
  const events = new EventHub();
  const api = createConsoleService({ store, appName: options.appName, version: options.version });
  return {
    store,
    api,
    events,
    close: () => {
      store.close();
      return Promise.resolve();
    },
  };
}
