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

/** The value of a datetime-local input (seconds shown) for a moment, in local time. */
export function toTimeInput(time: number | null): string {
  if (time === null) return '';
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A datetime-local input's value as ms since the epoch; null when empty, 'invalid' when it is not a time. */
export function fromTimeInput(value: string): number | null | 'invalid' {
  if (value.trim() === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value.trim())) return 'invalid';
  const time = new Date(value.trim()).getTime();
  return Number.isFinite(time) ? time : 'invalid';
}
