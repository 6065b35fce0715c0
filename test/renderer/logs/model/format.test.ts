import { describe, expect, it } from 'vitest';
import { formatLineDate, formatLineTime, fromTimeInput, toTimeInput } from '../../../../src/renderer/src/logs/model/format';

describe('log times', () => {
  it('shows local time to the millisecond, and the date in the tooltip', () => {
    const time = new Date(2026, 10, 22, 9, 5, 7, 42).getTime();
    expect(formatLineTime(time)).toBe('09:05:07.042');
    expect(formatLineDate(time)).toBe('2026-11-22 09:05:07.042');
  });

  it('round-trips the time-range fields in local time, to the second, written as the window writes times', () => {
    const time = new Date(2026, 10, 22, 23, 59, 30).getTime();
    expect(toTimeInput(time)).toBe('2026-11-22 23:59:30');
    expect(fromTimeInput(toTimeInput(time))).toBe(time);
    expect(fromTimeInput('2026-11-22T23:59')).toBe(new Date(2026, 10, 22, 23, 59).getTime());
    expect(toTimeInput(null)).toBe('');
  });

  it('reads a date alone as its midnight, and a time to the minute with a space', () => {
    expect(fromTimeInput(' 2026-12-07 ')).toBe(new Date(2026, 11, 7).getTime());
    expect(fromTimeInput('2026-12-07 21:30')).toBe(new Date(2026, 11, 7, 21, 30).getTime());
  });

  it('reads an empty input as no bound and rejects what is not a time', () => {
    expect(fromTimeInput('')).toBeNull();
    expect(fromTimeInput('tomorrow')).toBe('invalid');
    expect(fromTimeInput('2026-13-45T99:99')).toBe('invalid');
    expect(fromTimeInput('12/07/2026')).toBe('invalid');
    expect(fromTimeInput('2026-02-30')).toBe('invalid');
    expect(fromTimeInput('2026-12-07 24:00')).toBe('invalid');
  });
});
