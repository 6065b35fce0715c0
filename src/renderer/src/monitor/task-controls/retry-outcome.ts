import type { TFunction } from 'i18next';
import type { RetryFailedResult } from '../../../../shared/task/retry-failed';

/** How many nodes each list names before "and N more". */
export const RETRY_LIST_LIMIT = 5;

function shortList<T>(items: readonly T[], text: (item: T) => string, t: TFunction): string[] {
  const shown = items.slice(0, RETRY_LIST_LIMIT).map(text);
  if (items.length > RETRY_LIST_LIMIT) shown.push(t('monitor.controls.andMore', { count: items.length - RETRY_LIST_LIMIT }));
  return shown;
}

/** The lines of a retry's notice: which nodes restarted, and why each other failed node did not. */
export function retryOutcomeLines(result: RetryFailedResult, t: TFunction): string[] {
  const lines = [t('monitor.controls.retriedNodes', { list: shortList(result.restarted, (id) => id, t).join(', ') })];
  if (result.skipped.length > 0) {
    lines.push(t('monitor.controls.notRetried', { count: result.skipped.length }));
    lines.push(...shortList(result.skipped, (each) => t(`monitor.controls.skipReasons.${each.reason}`, { nodeId: each.nodeId, containerId: each.containerId ?? '' }), t));
  }
  return lines;
}
