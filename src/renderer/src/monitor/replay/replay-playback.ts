import { firstCrossed } from '../../../../shared/review/event-kinds';
import { nextChange, previousChange } from './replay-index';

/** Playback speeds offered: real time, and doubling up to 64 times it for long runs. */
export const REPLAY_SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/**
 * Where playback stands after `elapsedMs` of wall-clock time at `speed`; done at the end, or
 * at the first of `stops` (the moments of the events chosen to pause at) it passes on the way.
 */
export function advance(at: number, elapsedMs: number, speed: number, end: number, stops: readonly number[] = []): { at: number; done: boolean } {
  const next = at + Math.max(0, elapsedMs) * speed;
  const stop = firstCrossed(stops, at, Math.min(next, end));
  if (stop !== null) return { at: stop, done: true };
  return next >= end ? { at: end, done: true } : { at: next, done: false };
}

/** Where play starts: from the moment shown, or from the beginning when that is the end. */
export function playFrom(at: number, start: number, end: number): number {
  return at >= end ? start : at;
}

/**
 * The moment a step back or forward lands on: the previous or next recorded change when the
 * changes are known, else a hundredth of the run; never outside the run.
 */
export function stepTarget(changes: readonly number[] | undefined, at: number, direction: -1 | 1, start: number, end: number): number {
  let target: number | null;
  if (changes && changes.length > 0) {
    target = direction < 0 ? previousChange({ times: changes }, at) : nextChange({ times: changes }, at);
    if (target === null) target = direction < 0 ? start : end;
  } else target = at + direction * Math.max(1, (end - start) / 100);
  return Math.min(end, Math.max(start, target));
}

/** The slider's step: a thousandth of the run, at least a millisecond. */
export function sliderStep(start: number, end: number): number {
  return Math.max(1, Math.round((end - start) / 1000));
}
