import { createContext, useContext, useSyncExternalStore } from 'react';
import { ALWAYS_CONNECTED, type ConnectionState, type ConnectionWatch } from '../api/connection-state';

/** The window's link to its host; a window without a provider (Electron, tests) is always connected. */
export const ConnectionContext = createContext<ConnectionWatch>(ALWAYS_CONNECTED);

export function useConnection(): ConnectionState {
  const watch = useContext(ConnectionContext);
  return useSyncExternalStore(watch.subscribe, watch.get);
}
