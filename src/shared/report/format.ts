/** Formatting of a report's figures, the same in the HTML, the PDF and the CSV. */

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clock(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, format);
  }
  return format;
}

/** `2026-11-22 22:30:01` in the given zone: sortable, and read the same way in every language. */
export function formatDateTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(clock(timeZone).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** The clock time alone, for the timeline's axis. */
export function formatClock(ms: number, timeZone: string): string {
  return formatDateTime(ms, timeZone).slice(11);
}

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

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

export function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}
