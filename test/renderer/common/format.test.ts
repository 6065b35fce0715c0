import { describe, expect, it } from 'vitest';
import { formatClock, formatMinute, formatMoment, formatPercent, formatTime } from '../../../src/renderer/src/common/format';

const time = new Date(2026, 10, 22, 9, 5, 7).getTime();

describe('window formatting', () => {
  it('writes dates ISO-like, the same in every language (never 11/22/2026 or 22/11/2026)', () => {
    for (const language of ['en', 'en-US', 'en-GB', 'zh-CN', undefined]) expect(formatTime(time, language)).toBe('2026-11-22 09:05:07');
    expect(formatMinute(time)).toBe('2026-11-22 09:05');
    expect(formatClock(time, false)).toBe('09:05');
    expect(formatTime(null)).toBe('—');
  });

  it('shows the time of day for today and the date as well for other days', () => {
    const today = new Date(2026, 10, 22, 23, 0, 0).getTime();
    expect(formatMoment(time, 'en', today)).toBe('09:05:07');
    const earlier = formatMoment(new Date(2026, 10, 20, 9, 5, 7).getTime(), 'en', today);
    expect(earlier).toContain('2026');
    expect(earlier).toContain('09:05:07');
  });

  it('gives today’s alerts the time and older ones the date', () => {
    const now = new Date(2026, 10, 22, 18, 0, 0).getTime();
    expect(formatMoment(time, 'en-GB', now)).toBe('09:05:07');
    expect(formatMoment(new Date(2026, 10, 21, 23, 0, 0).getTime(), 'en-GB', now)).toBe('2026-11-21 23:00:00');
  });

  it('writes shares as whole percentages', () => {
    expect(formatPercent(0.2)).toBe('20%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });
});
