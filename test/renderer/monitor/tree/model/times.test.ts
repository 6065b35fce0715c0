import { describe, expect, it } from 'vitest';
import { formatMoment } from '../../../../../src/renderer/src/monitor/tree/model/times';

describe('moments', () => {
  it('shows the time of day for today and the date as well for other days', () => {
    const today = new Date(2026, 10, 22, 23, 0, 0).getTime();
    expect(formatMoment(new Date(2026, 10, 22, 9, 5, 7).getTime(), 'en', today)).toBe('09:05:07');
    const earlier = formatMoment(new Date(2026, 10, 20, 9, 5, 7).getTime(), 'en', today);
    expect(earlier).toContain('2026');
    expect(earlier).toContain('09:05:07');
  });
});
