import { useSyncExternalStore } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import { alertsStoreFor, type AlertsSnapshot } from './alerts-store';

/** Every alert (newest first) and the alert settings, kept live. */
export function useAlerts(client: ConsoleClient): AlertsSnapshot {
  const store = alertsStoreFor(client);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
