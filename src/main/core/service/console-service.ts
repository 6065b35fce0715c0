import type { ConsoleApi } from '../../../shared/api/contract';
import type { Store } from '../store/store';

export interface ConsoleServiceOptions {
  store: Store;
  appName: string;
  version: string;
}

/** The ConsoleApi implementation every transport (IPC, WebSocket, CLI) calls into. */
export function createConsoleService({ store, appName, version }: ConsoleServiceOptions): ConsoleApi {
  return {
    getAppStatus: () => Promise.resolve({ appName, version, store: store.status() }),
  };
}
