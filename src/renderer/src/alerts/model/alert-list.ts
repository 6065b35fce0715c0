import type { Alert } from '../../../../shared/api/alerts';

/** As many as the core keeps; older ones fall off the end. */
export const ALERT_LIST_LIMIT = 500;

/**
 * Alert ids count up from 1 in each run of the console, so a window that outlives a restart
 * can see an id again for a new alert: the time tells them apart.
 */
export function alertKey(alert: Pick<Alert, 'id' | 'time'>): string {
  return `${alert.id}@${alert.time}`;
}

function newestFirst(a: Alert, b: Alert): number {
  return b.time - a.time || Number(b.id) - Number(a.id);
}

/** The list with the incoming alerts added once each, newest first, at most `limit` long. */
export function mergeAlerts(list: readonly Alert[], incoming: readonly Alert[], limit = ALERT_LIST_LIMIT): Alert[] {
  const byKey = new Map<string, Alert>();
  for (const alert of list) byKey.set(alertKey(alert), alert);
  for (const alert of incoming) byKey.set(alertKey(alert), alert);
  return [...byKey.values()].sort(newestFirst).slice(0, limit);
}

/** One task's alerts, and while replaying only those raised by the replay moment. */
export function alertsForTask(list: readonly Alert[], taskId: string, at: number | null): Alert[] {
  return list.filter((alert) => alert.taskId === taskId && (at === null || alert.time <= at));
}

/**
 * What the operator has seen: everything up to `time`, and of the alerts at exactly that
 * millisecond the ones listed (another may arrive within the same millisecond later).
 */
export interface ReadMark {
  time: number;
  keys: string[];
}

export const NOTHING_READ: ReadMark = { time: -Infinity, keys: [] };

export function isUnread(alert: Alert, mark: ReadMark): boolean {
  return alert.time > mark.time || (alert.time === mark.time && !mark.keys.includes(alertKey(alert)));
}

export function unreadCount(list: readonly Alert[], mark: ReadMark): number {
  return list.filter((alert) => isUnread(alert, mark)).length;
}

/** The mark after the operator has seen the whole list. */
export function markAllRead(list: readonly Alert[], mark: ReadMark): ReadMark {
  const newest = list.reduce((time, alert) => Math.max(time, alert.time), mark.time);
  if (newest === mark.time) {
    const keys = list.filter((alert) => alert.time === newest).map(alertKey);
    return { time: newest, keys: [...new Set([...mark.keys, ...keys])] };
  }
  return { time: newest, keys: list.filter((alert) => alert.time === newest).map(alertKey) };
}

/** A stored mark, or nothing read when it is missing or not a mark. */
export function parseReadMark(text: string | null): ReadMark {
  if (text === null) return NOTHING_READ;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'time' in value && 'keys' in value) {
      const { time, keys } = value;
      if (typeof time === 'number' && Number.isFinite(time) && Array.isArray(keys) && keys.every((key) => typeof key === 'string')) return { time, keys };
    }
  } catch {
    // A damaged mark counts as nothing read: better an alert shown twice than one missed.
  }
  return NOTHING_READ;
}
