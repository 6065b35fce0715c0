import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDateTime, formatPercent, isTimeZone } from '../../../src/shared/report/format';

describe('report formatting', () => {
  it('writes date and time in a given zone, sortable and 24-hour', () => {
    const at = Date.UTC(2026, 0, 5, 23, 4, 9);
    expect(formatDateTime(at, 'UTC')).toBe('2026-01-05 23:04:09');
    expect(formatDateTime(at, 'Asia/Shanghai')).toBe('2026-01-06 07:04:09');
    expect(formatDateTime(Date.UTC(2026, 0, 5, 0, 0, 0), 'UTC')).toBe('2026-01-05 00:00:00');
    expect(formatClock(at, 'UTC')).toBe('23:04:09');
  });

  it('knows a time zone from a made-up one', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('writes bytes and percentages', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200.0 MiB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TiB');
    expect(formatPercent(55.55)).toBe('55.5%');
  });
});
