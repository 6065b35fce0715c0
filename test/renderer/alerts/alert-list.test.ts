import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/shared/api/alerts';
import {
  alertKey,
  alertsForTask,
  isUnread,
  markAllRead,
  mergeAlerts,
  NOTHING_READ,
  parseReadMark,
  unreadCount,
} from '../../../src/renderer/src/alerts/model/alert-list';

const alert = (id: string, time: number, taskId: string | null = '1', nodeId: string | null = null, extra: Partial<Alert> = {}): Alert => ({
  id,
  time,
  kind: 'node-failed',
  severity: 'critical',
  state: 'open',
  escalationLevel: 0,
  taskId,
  taskName: taskId ? `task ${taskId}` : null,
  nodeId,
  engine: null,
  params: {},
  message: `alert ${id}`,
  count: 1,
  lastFiredAt: time,
  acknowledgedBy: null,
  acknowledgedAt: null,
  resolvedAt: null,
  resolvedBy: null,
  escalatedAt: null,
  notifyError: null,
  ...extra,
});

describe('the alert list', () => {
  it('keeps each alert once, newest first', () => {
    const list = mergeAlerts([alert('1', 100), alert('2', 200)], [alert('2', 200), alert('3', 150)]);
    expect(list.map((a) => a.id)).toEqual(['2', '3', '1']);
  });

  it('orders alerts of the same millisecond by id, as the core raised them', () => {
    expect(mergeAlerts([], [alert('9', 100), alert('10', 100)]).map((a) => a.id)).toEqual(['10', '9']);
  });

  it('keeps one alert per id through its changes, and never lets an older copy replace a newer one', () => {
    const acknowledged = alert('1', 100, '1', null, { state: 'acknowledged', acknowledgedBy: 'alice', acknowledgedAt: 300 });
    const list = mergeAlerts([alert('1', 100)], [acknowledged]);
    expect(list).toEqual([acknowledged]);
    expect(alertKey(list[0]!)).toBe('1');
    expect(mergeAlerts(list, [alert('1', 100)])).toEqual([acknowledged]);
  });

  it('orders ids beyond exact JavaScript numbers exactly', () => {
    expect(mergeAlerts([], [alert('388355896446861312', 100), alert('388355896446861313', 100)]).map((a) => a.id)).toEqual(['388355896446861313', '388355896446861312']);
  });

  it('keeps only the newest when it grows past its limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => alert(String(i + 1), i));
    expect(mergeAlerts([], many, 3).map((a) => a.id)).toEqual(['10', '9', '8']);
  });

  it('gives a task its own alerts, up to the replay moment', () => {
    const list = mergeAlerts([], [alert('1', 100, '7'), alert('2', 200, '8'), alert('3', 300, '7'), alert('4', 400, null)]);
    expect(alertsForTask(list, '7', null).map((a) => a.id)).toEqual(['3', '1']);
    expect(alertsForTask(list, '7', 250).map((a) => a.id)).toEqual(['1']);
  });
});

describe('unread alerts', () => {
  it('counts every alert as unread before anything was seen', () => {
    expect(unreadCount([alert('1', 1), alert('2', 2)], NOTHING_READ)).toBe(2);
  });

  it('counts only what arrived after the list was seen, even within the same millisecond', () => {
    const seen = [alert('1', 100), alert('2', 200)];
    const mark = markAllRead(seen, NOTHING_READ);
    expect(unreadCount(seen, mark)).toBe(0);
    const later = mergeAlerts(seen, [alert('3', 200), alert('4', 300)]);
    expect(unreadCount(later, mark)).toBe(2);
    expect(isUnread(alert('3', 200), mark)).toBe(true);
    const again = markAllRead(later, mark);
    expect(unreadCount(later, again)).toBe(0);
  });

  it('counts an escalated alert as unread again, and a resolved one never', () => {
    const seen = [alert('1', 100), alert('2', 100)];
    const mark = markAllRead(seen, NOTHING_READ);
    expect(unreadCount([alert('1', 100, '1', null, { escalatedAt: 900, escalationLevel: 1 }), alert('2', 100)], mark)).toBe(1);
    expect(unreadCount([alert('3', 500, '1', null, { state: 'resolved', resolvedAt: 600 })], mark)).toBe(0);
  });

  it('keeps the mark when there is nothing newer', () => {
    const mark = markAllRead([alert('1', 100)], NOTHING_READ);
    expect(markAllRead([alert('1', 100)], mark)).toEqual(mark);
    expect(markAllRead([], mark)).toEqual(mark);
  });

  it('reads a stored mark back, and anything damaged as nothing read', () => {
    const mark = markAllRead([alert('1', 100)], NOTHING_READ);
    expect(parseReadMark(JSON.stringify(mark))).toEqual(mark);
    for (const text of [null, '', '{', '[]', '{"time":"x","keys":[]}', '{"time":1,"keys":[1]}', 'null']) expect(parseReadMark(text)).toBe(NOTHING_READ);
  });
});
