import { type Pin, pinSchema } from '../../../../shared/workflow/definition';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Calendar-free ISO 8601 durations (weeks, days, hours, minutes, seconds): years and months
 * have no fixed length, so they are refused rather than guessed.
 */
const DURATION = /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

export function isoDurationToMs(text: string): number | undefined {
  const trimmed = text.trim();
  const match = DURATION.exec(trimmed);
  if (!match || trimmed === 'P' || trimmed.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  const units: [string | undefined, number][] = [
    [weeks, 7 * DAY],
    [days, DAY],
    [hours, HOUR],
    [minutes, MINUTE],
    [seconds, SECOND],
  ];
  return Math.round(units.reduce((total, [amount, unit]) => total + (amount ? Number(amount.replace(',', '.')) * unit : 0), 0));
}

/** Why a timer cannot be a pin, as the context (and value) of its wording. */
export type PinReason = { context: 'noPin' } | { context: 'cyclePin' | 'durationPin' | 'longPin' | 'datePin'; value: string };
export type TimerReading = { pin: Pin } | { unsupported: PinReason };

/** A timer's timeDuration as a pin, or why it cannot be one. */
export function durationPin(text: string): TimerReading {
  const delayMs = isoDurationToMs(text);
  if (delayMs === undefined) return { unsupported: { context: 'durationPin', value: JSON.stringify(text.trim()) } };
  const parsed = pinSchema.safeParse({ delayMs });
  return parsed.success ? { pin: parsed.data } : { unsupported: { context: 'longPin', value: JSON.stringify(text.trim()) } };
}

/** A timer's timeDate as a pin, or why it cannot be one. */
export function datePin(text: string): TimerReading {
  const parsed = pinSchema.safeParse({ at: text.trim() });
  return parsed.success ? { pin: parsed.data } : { unsupported: { context: 'datePin', value: JSON.stringify(text.trim()) } };
}
