import { describe, expect, it } from 'vitest';
import { formatLineDate, formatLineTime, fromTimeInput, toTimeInput } from '../../../../src/renderer/src/logs/model/format';

describe('log times', () => {
  it('shows local time to the millisecond, and the date in the tooltip', () => {
    const time = new Date(2026, 10, 22, 9, 5, 7, 42).getTime();
    expect(formatLineTime(time)).toBe('09:05:07.042');
    expect(formatLineDate(time)).toBe('2026-11-22 09:05:07.042');
  });

  it('round-trips the time-range inputs in local time, to the second', () => {
    const time = new Date(2026, 10, 22, 23, 59, 30).getTime();
    expect(toTimeInput(time)).toBe('2026-11-22T23:59:30');
    expect(fromTimeInput(toTimeInput(time))).toBe(time);
    expect(fromTimeInput('2026-11-22T23:59')).toBe(new Date(2026, 10, 22, 23, 59).getTime());
    expect(toTimeInput(null)).toBe('');
  });

  it('reads an empty input as no bound and rejects what is not a time', () => {
    expect(fromTimeInput('')).toBeNull();
    expect(fromTimeInput('tomorrow')).toBe('invalid');
    expect(fromTimeInput('2026-13-45T99:99')).toBe('invalid');
  });
});
