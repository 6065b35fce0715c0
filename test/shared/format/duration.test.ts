import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/shared/format/duration';
import { REPORT_STRINGS } from '../../../src/shared/report/report-strings';

const units = REPORT_STRINGS.en.units;

describe('durations', () => {
  it('writes a duration in its two largest units', () => {
    expect(formatDuration(0, units)).toBe('0 ms');
    expect(formatDuration(999, units)).toBe('999 ms');
    expect(formatDuration(12_480, units)).toBe('12.4 s');
    expect(formatDuration(200_000, units)).toBe('3 min 20 s');
    expect(formatDuration(3600_000, units)).toBe('1 h 0 min');
    expect(formatDuration(7_500_000, units)).toBe('2 h 5 min');
    expect(formatDuration(97_200_000, units)).toBe('1 d 3 h');
    expect(formatDuration(60_000, REPORT_STRINGS['zh-CN'].units)).toBe('1 分 0 秒');
  });
});
