import type { Alert } from '../../../../shared/api/alerts';

/** As many as the core keeps; older ones fall off the end. */
export const ALERT_LIST_LIMIT = 500;

/** Alerts are kept in the database: an id names one alert for good, through every change to it. */
export function alertKey(alert: Pick<Alert, 'id'>): string {
  return alert.id;
}

/** When an alert last called for attention: raised, or escalated since. */
export function newsTime(alert: Pick<Alert, 'time' | 'escalatedAt'>): number {
  return Math.max(alert.time, alert.escalatedAt ?? -Infinity);
}

/** The last thing that happened to an alert, so an older copy (a list read before a live event) never replaces a newer one. */
function changedAt(alert: Alert): number {
  return Math.max(alert.lastFiredAt, alert.acknowledgedAt ?? -Infinity, alert.resolvedAt ?? -Infinity, alert.escalatedAt ?? -Infinity);
}

function newestFirst(a: Alert, b: Alert): number {
  return b.time - a.time || (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0);
}

/** The list with the incoming alerts in it once each (a newer copy replacing an older), newest first, at most `limit` long. */
export function mergeAlerts(list: readonly Alert[], incoming: readonly Alert[], limit = ALERT_LIST_LIMIT): Alert[] {
  const byKey = new Map<string, Alert>();
  for (const alert of list) byKey.set(alertKey(alert), alert);
  for (const alert of incoming) {
    const held = byKey.get(alertKey(alert));
    if (!held || changedAt(alert) >= changedAt(held)) byKey.set(alertKey(alert), alert);
  }
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

/** Unresolved, and raised or escalated since the operator last looked. */
export function isUnread(alert: Alert, mark: ReadMark): boolean {
  if (alert.state === 'resolved') return false;
  const time = newsTime(alert);
  return time > mark.time || (time === mark.time && !mark.keys.includes(alertKey(alert)));
}

export function unreadCount(list: readonly Alert[], mark: ReadMark): number {
  return list.filter((alert) => isUnread(alert, mark)).length;
}

/** The mark after the operator has seen the whole list. */
export function markAllRead(list: readonly Alert[], mark: ReadMark): ReadMark {
  const newest = list.reduce((time, alert) => Math.max(time, newsTime(alert)), mark.time);
  const keys = list.filter((alert) => newsTime(alert) === newest).map(alertKey);
  if (newest === mark.time) return { time: newest, keys: [...new Set([...mark.keys, ...keys])] };
  return { time: newest, keys };
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
