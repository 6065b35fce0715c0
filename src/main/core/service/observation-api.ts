import type { ConsoleApi } from '../../../shared/api/contract';
import { compareRuns } from '../../../shared/compare/run-compare';
import { runSide } from '../compare/run-side';
import { forecastForTask } from '../forecast/forecast-service';
import { addBookmark, deleteBookmark, listBookmarks } from '../review/bookmark-rows';
import { queryLogs } from '../logs/query-logs';
import { exportRunReport } from '../report/export-report';
import { progressSeries, resourceSeries } from '../resources/series';
import type { ConsoleServiceDeps } from './console-service';
import { sharedHeavyWork } from './heavy-work';

type ObservationMethods = Pick<
  ConsoleApi,
  'queryLogs' | 'getResourceSeries' | 'getProgressSeries' | 'exportRunReport' | 'getForecast' | 'compareRuns' | 'listBookmarks' | 'addBookmark' | 'deleteBookmark'
>;

export function observationApi({ store, engines, htmlToPdf, operator, role = 'operator' }: ConsoleServiceDeps): ObservationMethods {
  return {
    queryLogs: async (query) => queryLogs(store, query),
    getResourceSeries: async (query) => resourceSeries(store, query),
    getProgressSeries: async (query) => progressSeries(store, query),
    getForecast: async (taskId) => forecastForTask(store, engines.catalog(), taskId, Date.now()),
    compareRuns: async (a, b, options) => compareRuns(runSide(store, a), runSide(store, b), options),
    listBookmarks: async (taskId) => listBookmarks(store, taskId),
    addBookmark: async (taskId, input) => addBookmark(store, taskId, input, operator() || null, Date.now()),
    deleteBookmark: async (taskId, bookmarkId) => deleteBookmark(store, taskId, bookmarkId, { name: operator() || null, operator: role === 'operator' }),
    exportRunReport: (request) =>
      exportRunReport(store, request, htmlToPdf, undefined, (from, valid, now) => sharedHeavyWork().renderReport(from, valid, now)),
  };
}
