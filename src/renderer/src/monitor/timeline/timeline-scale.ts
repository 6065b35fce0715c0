/**
 * The timeline's horizontal axis: which span of time is in view, where a moment falls in
 * pixels, zooming around a point and panning, and ticks at round intervals.
 */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Never closer in than this much time across the whole strip. */
export const MIN_SPAN_MS = 200;

export function timeToX(time: number, window: TimeWindow, width: number): number {
  const span = window.to - window.from;
  return span <= 0 ? 0 : ((time - window.from) / span) * width;
}

export function xToTime(x: number, window: TimeWindow, width: number): number {
  return width <= 0 ? window.from : window.from + (x / width) * (window.to - window.from);
}

/** The task's whole span with a little room either side, so the first and last bars do not touch the edges. */
export function fitWindow(start: number, end: number): TimeWindow {
  const span = Math.max(end - start, 1000);
  const margin = span * 0.02;
  return { from: start - margin, to: start + span + margin };
}

/**
 * Zooms by `factor` (above 1 narrows the view) keeping `anchor` where it is on screen, never
 * tighter than MIN_SPAN_MS nor wider than ten times `limit`'s span.
 */
export function zoomWindow(window: TimeWindow, factor: number, anchor: number, limit: TimeWindow): TimeWindow {
  const span = window.to - window.from;
  const widest = Math.max((limit.to - limit.from) * 10, MIN_SPAN_MS);
  const next = Math.min(widest, Math.max(MIN_SPAN_MS, span / factor));
  const share = span > 0 ? (anchor - window.from) / span : 0.5;
  const from = anchor - share * next;
  return { from, to: from + next };
}

/** Moves the view by `deltaMs`, never leaving `limit` entirely out of sight. */
export function panWindow(window: TimeWindow, deltaMs: number, limit: TimeWindow): TimeWindow {
  const span = window.to - window.from;
  const lowest = limit.from - span * 0.9;
  const highest = limit.to - span * 0.1;
  const from = Math.min(highest, Math.max(lowest, window.from + deltaMs));
  return { from, to: from + span };
}

const STEPS_MS = [
  10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
  10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

export interface Tick {
  time: number;
  x: number;
  label: string;
}

/** Ticks at the smallest round step that leaves at least `minGapPx` between them. */
export function axisTicks(window: TimeWindow, width: number, minGapPx = 90): Tick[] {
  const span = window.to - window.from;
  if (span <= 0 || width <= 0) return [];
  const wanted = (span / width) * minGapPx;
  const step = STEPS_MS.find((candidate) => candidate >= wanted) ?? Math.ceil(wanted / 86_400_000) * 86_400_000;
  // Round steps fall on round local times: offset by the zone so that minutes start at :00.
  const offset = new Date(window.from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((window.from - offset) / step) * step + offset;
  const ticks: Tick[] = [];
  for (let time = first; time <= window.to; time += step) ticks.push({ time, x: timeToX(time, window, width), label: clockLabel(time, step) });
  return ticks;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Local wall-clock time, to the precision the step needs. */
export function clockLabel(time: number, step: number): string {
  const date = new Date(time);
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (step >= 60_000) return clock;
  const seconds = `${clock}:${pad(date.getSeconds())}`;
  return step >= 1000 ? seconds : `${seconds}.${pad(date.getMilliseconds(), 3)}`;
}
