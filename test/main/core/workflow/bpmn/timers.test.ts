import { describe, expect, it } from 'vitest';
import { datePin, durationPin, isoDurationToMs } from '../../../../../src/main/core/workflow/bpmn/timers';

describe('ISO 8601 timers as pins', () => {
  it.each([
    ['PT5M', 300_000],
    ['PT1H30M', 5_400_000],
    ['P2D', 172_800_000],
    ['P1W', 604_800_000],
    ['P1DT2H3M4.5S', 93_784_500],
    ['PT0,5S', 500],
  ])('reads the duration %s', (text, ms) => {
    expect(isoDurationToMs(text)).toBe(ms);
    expect(durationPin(text)).toEqual({ pin: { delayMs: ms } });
  });

  it.each(['P1Y', 'P2M', 'PT', 'P', '5 minutes', '${delay}', 'P1DT'])('refuses %s', (text) => {
    expect(isoDurationToMs(text)).toBeUndefined();
    expect(durationPin(text)).toHaveProperty('unsupported');
  });

  it('refuses a delay longer than a pin allows', () => {
    expect(durationPin('P400D')).toEqual({ unsupported: { context: 'longPin', value: '"P400D"' } });
  });

  it('takes a date-time with a zone and refuses one without', () => {
    expect(datePin('2030-01-01T08:00:00+02:00')).toEqual({ pin: { at: '2030-01-01T08:00:00+02:00' } });
    expect(datePin('2030-01-01T08:00:00')).toHaveProperty('unsupported');
  });
});
