import { initialAnchor, simAt, type ClockAnchor } from './clock-model';

/**
 * A task's clock history as the anchors in force from its start: changes made before the task
 * started only set how it starts (rate, paused), so simulation time begins at 0 at the start.
 * `anchors` are in the order they were made.
 */
export function clockTimeline(startedAtMs: number, anchors: readonly ClockAnchor[]): ClockAnchor[] {
  const before = anchors.filter((anchor) => anchor.wallMs <= startedAtMs);
  const last = before[before.length - 1];
  const first: ClockAnchor = last ? { simMs: 0, wallMs: startedAtMs, rate: last.rate, paused: last.paused } : initialAnchor(startedAtMs);
  return [first, ...anchors.filter((anchor) => anchor.wallMs > startedAtMs)];
}

/**
 * Task time: the simulation time elapsed in a task at wall time `wallMs` (0 before its start).
 * Without clock changes it is the wall time since the start. Injects "at a task time", bookmarks
 * and the durations a run reports all read it.
 */
export function taskTimeAt(startedAtMs: number, anchors: readonly ClockAnchor[], wallMs: number): number {
  if (wallMs <= startedAtMs) return 0;
  const timeline = clockTimeline(startedAtMs, anchors);
  let current = timeline[0]!;
  for (const anchor of timeline) if (anchor.wallMs <= wallMs) current = anchor;
  return Math.round(simAt(current, wallMs));
}

/** Simulation time between two wall times of a task: what a run reports as a duration. */
export function simDuration(startedAtMs: number, anchors: readonly ClockAnchor[], fromWallMs: number, toWallMs: number): number {
  return Math.max(0, taskTimeAt(startedAtMs, anchors, toWallMs) - taskTimeAt(startedAtMs, anchors, fromWallMs));
}

/**
 * The anchor the clock runs on now. Before the task starts its clock stands at 0 whatever its
 * rate, so a change made then keeps simulation time at 0.
 */
export function currentAnchor(startedAtMs: number | null, anchors: readonly ClockAnchor[], nowMs: number): ClockAnchor {
  if (startedAtMs === null) {
    const last = anchors[anchors.length - 1];
    return { simMs: 0, wallMs: nowMs, rate: last?.rate ?? 1, paused: last?.paused ?? false };
  }
  const timeline = clockTimeline(startedAtMs, anchors);
  return timeline[timeline.length - 1]!;
}
