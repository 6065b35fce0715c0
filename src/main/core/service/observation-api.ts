import type { ConsoleApi } from '../../../shared/api/contract';
import { compareRuns } from '../../../shared/compare/run-compare';
import { runSide } from '../compare/run-side';
import { forecastForTask } from '../forecast/forecast-service';
import { queryLogs } from '../logs/query-logs';
import { exportRunReport } from '../report/export-report';
import { progressSeries, resourceSeries } from '../resources/series';
import type { ConsoleServiceDeps } from './console-service';
import { sharedHeavyWork } from './heavy-work';

type ObservationMethods = Pick<ConsoleApi, 'queryLogs' | 'getResourceSeries' | 'getProgressSeries' | 'exportRunReport' | 'getForecast' | 'compareRuns'>;

export function observationApi({ store, engines, htmlToPdf }: ConsoleServiceDeps): ObservationMethods {
  return {
    queryLogs: async (query) => queryLogs(store, query),
    getResourceSeries: async (query) => resourceSeries(store, query),
    getProgressSeries: async (query) => progressSeries(store, query),
    getForecast: async (taskId) => forecastForTask(store, engines.catalog(), taskId, Date.now()),
    compareRuns: async (a, b, options) => compareRuns(runSide(store, a), runSide(store, b), options),
    exportRunReport: (request) =>
      exportRunReport(store, request, htmlToPdf, undefined, (from, valid, now) => sharedHeavyWork().renderReport(from, valid, now)),
  };
}
