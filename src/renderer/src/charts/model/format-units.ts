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
export function formatTick(time: number, spanMs: number, locale?: string): string {
  const date = new Date(time);
  if (spanMs > DAY_MS) return date.toLocaleString(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  if (spanMs > 30 * 60 * 1000) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A tooltip's moment: full local date and time to the second. */
export function formatMoment(time: number, locale?: string): string {
  return new Date(time).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
