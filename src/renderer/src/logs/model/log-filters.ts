import type { LogQuery } from '../../../../shared/api/logs';
import type { LogsAppended } from '../../../../shared/api/live';
import type { LogCategory, LogLevel, LogType } from '../../../../shared/status';
import type { TaskNodes } from '../../task-panels/task-panel';

/** What the filter bar holds; empty lists and strings mean "any". */
export interface LogFilters {
  nodeId: string | null;
  /** With nodeId: the node's nested nodes too. */
  subtree: boolean;
  levels: readonly LogLevel[];
  types: readonly LogType[];
  categories: readonly LogCategory[];
  source: string;
  /** ms since the epoch, inclusive. */
  from: number | null;
  to: number | null;
  search: string;
}

export const NO_FILTERS: LogFilters = { nodeId: null, subtree: true, levels: [], types: [], categories: [], source: '', from: null, to: null, search: '' };

export const SEARCH_MAX = 500;
export const SOURCE_MAX = 200;

/** Why the filters cannot be sent as they are (a translation key), or null when they can. */
export function filterProblem(filters: LogFilters): string | null {
  if (filters.from !== null && filters.to !== null && filters.from > filters.to) return 'logs.problems.rangeReversed';
  if (filters.search.trim().length > SEARCH_MAX) return 'logs.problems.searchTooLong';
  if (filters.source.trim().length > SOURCE_MAX) return 'logs.problems.sourceTooLong';
  return null;
}

/**
 * The query for these filters without direction, cursor or limit. While replaying, nothing
 * after the replay moment is asked for.
 */
export function toLogQuery(taskId: string, filters: LogFilters, at: number | null): LogQuery {
  const query: LogQuery = { taskId };
  if (filters.nodeId !== null) {
    query.nodeId = filters.nodeId;
    if (filters.subtree) query.subtree = true;
  }
  if (filters.levels.length > 0) query.levels = [...filters.levels];
  if (filters.types.length > 0) query.types = [...filters.types];
  if (filters.categories.length > 0) query.categories = [...filters.categories];
  const source = filters.source.trim();
  if (source !== '') query.source = source;
  if (filters.from !== null) query.from = filters.from;
  const to = at === null ? filters.to : Math.min(filters.to ?? at, at);
  if (to !== null) query.to = to;
  const search = filters.search.trim();
  if (search !== '') query.search = search;
  return query;
}

/** A stable key of a query, to tell whether two filter states ask for the same lines. */
export function queryKey(query: LogQuery): string {
  return JSON.stringify(query);
}

/**
 * The node and the nodes nested under it: in depth-first order a subtree is the run of nodes
 * after it that sit deeper than it.
 */
export function subtreeIds(nodes: TaskNodes, nodeId: string): Set<string> {
  const ids = new Set<string>();
  const start = nodes.order.indexOf(nodeId);
  const root = nodes.byId.get(nodeId);
  if (start < 0 || root === undefined) return ids.add(nodeId);
  ids.add(nodeId);
  for (let index = start + 1; index < nodes.order.length; index++) {
    const id = nodes.order[index]!;
    const node = nodes.byId.get(id);
    if (node === undefined || node.level <= root.level) break;
    ids.add(id);
  }
  return ids;
}

/**
 * Whether a live notice may bring lines these filters show: its task, and (with a node
 * filter) one of the watched nodes. Other filters need the query to tell.
 */
export function concernsView(batches: readonly LogsAppended[], taskId: string, watched: ReadonlySet<string> | null): boolean {
  return batches.some((batch) => batch.taskId === taskId && (watched === null || batch.nodeIds.some((nodeId) => watched.has(nodeId))));
}

/** Toggles one member of a chip list, keeping the order of `all`. */
export function toggled<T extends string>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const next = new Set(list);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return all.filter((member) => next.has(member));
}

/** How many filters narrow the view (for the "clear filters" affordance). */
export function activeFilterCount(filters: LogFilters): number {
  return [
    filters.nodeId !== null,
    filters.levels.length > 0,
    filters.types.length > 0,
    filters.categories.length > 0,
    filters.source.trim() !== '',
    filters.from !== null || filters.to !== null,
    filters.search.trim() !== '',
  ].filter(Boolean).length;
}
