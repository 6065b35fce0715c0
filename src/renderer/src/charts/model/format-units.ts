import { formatClock, formatDay } from '../../common/format';
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Memory in binary units with about three significant digits: 512 MB, 1.5 GB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))} ${BYTE_UNITS[unit]}`;
}

export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '–';
  return `${Number(percent.toFixed(percent >= 100 ? 0 : 1))}%`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A time axis tick in the viewer's local time: hours and minutes, with seconds when the
 * window is short enough for them to matter, and the date when it spans days.
 */
export function formatTick(time: number, spanMs: number, _locale?: string): string {
  if (spanMs > DAY_MS) return `${formatDay(time).slice(5)} ${formatClock(time, false)}`;
  return formatClock(time, spanMs <= 30 * 60 * 1000);
}

/**
 * Memory axis ticks at round sizes in one unit (0, 50, 100, 150 MB) rather than wherever a
 * decimal scale of raw bytes falls (42.9 MB, 85.8 MB); `top` is the axis's upper end.
 */
export function byteTicks(maxBytes: number, count = 4): { ticks: number[]; top: number } {
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) return { ticks: [0, 1024], top: 1024 };
  let unit = 1;
  while (maxBytes / unit >= 1024 && unit < 1024 ** 4) unit *= 1024;
  const rough = maxBytes / unit / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude * unit;
  const top = Math.ceil(maxBytes / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(tick);
  return { ticks, top };
}
