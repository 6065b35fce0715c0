import { z } from 'zod';

/**
 * The exercise clock of a task: simulation time read from an anchor. At wall time `wallMs` the
 * clock showed `simMs`; since then it has run at `rate` times real time, or stood still while
 * `paused`. Every change (pause, resume, rate, step) makes a new anchor at the moment it happens,
 * so the anchors of a task are its whole clock history and any wall time maps to simulation time.
 */
export interface ClockAnchor {
  simMs: number;
  wallMs: number;
  rate: number;
  paused: boolean;
}

export const CLOCK_RATE_LIMITS = { min: 0.25, max: 64 } as const;
/** The rates the window offers; any rate within the limits is accepted through the API. */
export const CLOCK_RATE_PRESETS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
/** The longest single step: a week of simulation time. */
export const CLOCK_MAX_STEP_MS = 7 * 24 * 3600_000;

/** Whether timers, pins and timeouts of the task count wall time or its simulation time. */
export const TIME_BASES = ['wall', 'simulation'] as const;
export type TimeBase = (typeof TIME_BASES)[number];

export const CLOCK_ACTIONS = ['pause', 'resume', 'rate', 'step'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

export const clockRateSchema = z
  .number({ error: 'must be a number' })
  .min(CLOCK_RATE_LIMITS.min, `must be at least ×${CLOCK_RATE_LIMITS.min}`)
  .max(CLOCK_RATE_LIMITS.max, `must be at most ×${CLOCK_RATE_LIMITS.max}`);

/** What a commander may do to the clock. A step advances a paused clock by `ms` of simulation time. */
export const clockChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('rate'), rate: clockRateSchema }),
  z.object({ action: z.literal('step'), ms: z.int('must be a whole number of milliseconds').min(1, 'must be at least 1 ms').max(CLOCK_MAX_STEP_MS, `must be at most ${CLOCK_MAX_STEP_MS} ms (a week)`) }),
]);
export type ClockChange = z.infer<typeof clockChangeSchema>;

/** The clock every task starts with: real time from the task's start. */
export function initialAnchor(wallMs: number): ClockAnchor {
  return { simMs: 0, wallMs, rate: 1, paused: false };
}

/** Simulation time at `wallMs` (never before the anchor's own). */
export function simAt(anchor: ClockAnchor, wallMs: number): number {
  if (anchor.paused) return anchor.simMs;
  return anchor.simMs + Math.max(0, wallMs - anchor.wallMs) * anchor.rate;
}

/** The wall time the clock reaches `simMs`; null while paused short of it (it never will). */
export function wallAt(anchor: ClockAnchor, simMs: number): number | null {
  if (simMs <= anchor.simMs) return anchor.wallMs;
  if (anchor.paused) return null;
  return anchor.wallMs + (simMs - anchor.simMs) / anchor.rate;
}

export type ClockChangeOutcome = { ok: true; anchor: ClockAnchor } | { ok: false; why: 'alreadyPaused' | 'notPaused' | 'sameRate' };

/**
 * The clock after `change` at `wallMs`. Changes that would do nothing are refused rather than
 * recorded (pausing a paused clock); a step needs a paused clock, so it never races the run.
 */
export function applyClockChange(anchor: ClockAnchor, change: ClockChange, wallMs: number): ClockChangeOutcome {
  const now = { ...anchor, simMs: simAt(anchor, wallMs), wallMs };
  switch (change.action) {
    case 'pause':
      return anchor.paused ? { ok: false, why: 'alreadyPaused' } : { ok: true, anchor: { ...now, paused: true } };
    case 'resume':
      return anchor.paused ? { ok: true, anchor: { ...now, paused: false } } : { ok: false, why: 'notPaused' };
    case 'rate':
      return change.rate === anchor.rate ? { ok: false, why: 'sameRate' } : { ok: true, anchor: { ...now, rate: change.rate } };
    case 'step':
      return anchor.paused ? { ok: true, anchor: { ...now, simMs: now.simMs + change.ms } } : { ok: false, why: 'notPaused' };
  }
}
