const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];

/** About one label per this many pixels keeps "12:34:56" labels apart. */
export const PIXELS_PER_TIME_TICK = 90;

/**
 * Time axis ticks on round local times (every 5 s, every 10 min, every 6 h…) across the whole
 * window, however little of it has data yet. `offsetMs` is the local time's offset from UTC,
 * so hour and day ticks fall on local hours and midnights.
 */
export function timeTicks(from: number, to: number, widthPx: number, offsetMs = -new Date(from).getTimezoneOffset() * MINUTE): number[] {
  if (!(to > from) || !(widthPx > 0)) return [];
  const wanted = Math.max(2, Math.floor(widthPx / PIXELS_PER_TIME_TICK));
  const step = STEPS.find((candidate) => (to - from) / candidate <= wanted) ?? Math.ceil((to - from) / wanted / DAY) * DAY;
  const ticks: number[] = [];
  for (let tick = Math.ceil((from + offsetMs) / step) * step - offsetMs; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}
