const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A line's time in the list: local wall-clock time to the millisecond. */
export function formatLineTime(time: number): string {
  const date = new Date(time);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A line's full local date and time (the tooltip). */
export function formatLineDate(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatLineTime(time)}`;
}

/**
 * The text of a time field for a moment, in local time as the window writes times
 * (2026-12-07 21:30:05): a text field, not a native date input, whose format follows the
 * browser's locale (mm/dd/yyyy) instead of the window's language.
 */
export function toTimeInput(time: number | null): string {
  if (time === null) return '';
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const TIME_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A time field's text as ms since the epoch, local time: a date (2026-12-07, its midnight) or a
 * date and time to the minute or second, a space or a T between; null when empty, 'invalid'
 * when it is not such a time or names no real day (2026-02-30).
 */
export function fromTimeInput(value: string): number | null | 'invalid' {
  const text = value.trim();
  if (text === '') return null;
  const found = TIME_TEXT.exec(text);
  if (!found) return 'invalid';
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = found.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const date = new Date(year!, month! - 1, day, hours, minutes, seconds);
  const real = date.getFullYear() === year && date.getMonth() === month! - 1 && date.getDate() === day && hours < 24 && minutes < 60 && seconds < 60;
  return real ? date.getTime() : 'invalid';
}
