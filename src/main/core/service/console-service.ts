import type { ConsoleApi } from '../../../shared/api/contract';
import { queryLogs } from '../logs/query-logs';
import { progressSeries, resourceSeries } from '../resources/series';
import type { Store } from '../store/store';

export interface ConsoleServiceOptions {
  store: Store;
  appName: string;
  version: string;
}

/** The ConsoleApi implementation every transport (IPC, WebSocket, CLI) calls into. */
export function createConsoleService({ store, appName, version }: ConsoleServiceOptions): ConsoleApi {
  return {
    getAppStatus: async () => ({ appName, version, store: store.status() }),
    queryLogs: async (query) => queryLogs(store, query),
    getResourceSeries: async (query) => resourceSeries(store, query),
    getProgressSeries: async (query) => progressSeries(store, query),
  };
}
