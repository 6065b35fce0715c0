const DAY_MS = 24 * 60 * 60 * 1000;

/** An alert's time in local time; the date too when it is not from today. */
export function formatAlertTime(time: number, now: number, locale?: string): string {
  const date = new Date(time);
  const sameDay = new Date(now).toDateString() === date.toDateString() && Math.abs(now - time) < DAY_MS;
  return sameDay
    ? date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    : date.toLocaleString(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A share as a whole percentage for the health panel: 0.125 → "13%". */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
