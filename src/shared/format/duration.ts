/** Durations in words of the reader's language (the units are passed in, translated). */

export interface DurationUnits {
  ms: string;
  s: string;
  min: string;
  h: string;
  d: string;
}

/** The two largest units: `350 ms`, `12.4 s`, `3 min 20 s`, `2 h 5 min`, `1 d 3 h`. */
export function formatDuration(ms: number, units: DurationUnits): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ${units.ms}`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toString()} ${units.s}`;
  const seconds = Math.floor(ms / 1000);
  const steps: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), units.d],
    [Math.floor(seconds / 3600) % 24, units.h],
    [Math.floor(seconds / 60) % 60, units.min],
    [seconds % 60, units.s],
  ];
  const first = steps.findIndex(([value]) => value > 0);
  return steps
    .slice(first, first + 2)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ');
}
