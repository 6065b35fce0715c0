/** A moment as the detail panel shows it: the time of day to the second, or date and time when it is not today. */
export function formatMoment(ms: number, locale: string, today: number): string {
  const date = new Date(ms);
  const sameDay = new Date(today).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
    : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
