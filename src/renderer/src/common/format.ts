import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/format/duration';

/** Durations in the window's language, two largest units (`3 min 20 s`, `1 分 0 秒`); a dash for none. */
export function useFormatDuration(): (ms: number | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (ms: number | null) =>
      ms === null ? '—' : formatDuration(ms, { ms: t('common.units.ms'), s: t('common.units.s'), min: t('common.units.min'), h: t('common.units.h'), d: t('common.units.d') }),
    [t],
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * Every date and time the window shows is written here, ISO-like in local time and the same in
 * every language (2026-12-07 21:30:05): 12/07/2026 reads as July or December depending on the
 * reader, and the browser's locale is not the window's language. `language` is kept for callers
 * that pass it; it changes nothing.
 */
export function formatTime(time: number | null, _language?: string): string {
  if (time === null) return '—';
  return `${formatDay(time)} ${formatClock(time)}`;
}

/** The date alone: 2026-12-07. */
export function formatDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The time of day, 24-hour: 21:30:05, or 21:30 without seconds. */
export function formatClock(time: number, seconds = true): string {
  const date = new Date(time);
  const minutes = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return seconds ? `${minutes}:${pad(date.getSeconds())}` : minutes;
}

/** Date and time to the minute: 2026-12-07 21:30. */
export function formatMinute(time: number): string {
  return `${formatDay(time)} ${formatClock(time, false)}`;
}

/** A moment as lists show it: the time of day to the second when it is today, else date and time. */
export function formatMoment(time: number, _language: string | undefined, now: number): string {
  return formatDay(now) === formatDay(time) ? formatClock(time) : formatTime(time);
}

/** A share (0–1) as a whole percentage: 0.125 → "13%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
