const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size for people: 1,536 bytes is "1.5 KB" (units of 1,024). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}
