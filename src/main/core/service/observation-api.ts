import type { ConsoleApi } from '../../../shared/api/contract';
import { queryLogs } from '../logs/query-logs';
import { progressSeries, resourceSeries } from '../resources/series';
import type { ConsoleServiceDeps } from './console-service';

type ObservationMethods = Pick<ConsoleApi, 'queryLogs' | 'getResourceSeries' | 'getProgressSeries'>;

export function observationApi({ store }: ConsoleServiceDeps): ObservationMethods {
  return {
    queryLogs: async (query) => queryLogs(store, query),
    getResourceSeries: async (query) => resourceSeries(store, query),
    getProgressSeries: async (query) => progressSeries(store, query),
  };
}
