import type { ConsoleApi } from '../../../shared/api/contract';
import { queryLogs } from '../logs/query-logs';
import { exportRunReport } from '../report/export-report';
import { progressSeries, resourceSeries } from '../resources/series';
import type { ConsoleServiceDeps } from './console-service';
import { sharedHeavyWork } from './heavy-work';

type ObservationMethods = Pick<ConsoleApi, 'queryLogs' | 'getResourceSeries' | 'getProgressSeries' | 'exportRunReport'>;

export function observationApi({ store, htmlToPdf }: ConsoleServiceDeps): ObservationMethods {
  return {
    queryLogs: async (query) => queryLogs(store, query),
    getResourceSeries: async (query) => resourceSeries(store, query),
    getProgressSeries: async (query) => progressSeries(store, query),
    exportRunReport: (request) =>
      exportRunReport(store, request, htmlToPdf, undefined, (from, valid, now) => sharedHeavyWork().renderReport(from, valid, now)),
  };
}
