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

/** Date and time to the second, 24-hour, in the window's language. */
export function formatTime(time: number | null, language?: string): string {
  if (time === null) return '—';
  return new Date(time).toLocaleString(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A moment as lists show it: the time of day to the second when it is today, else date and time. */
export function formatMoment(time: number, language: string | undefined, now: number): string {
  const date = new Date(time);
  if (new Date(now).toDateString() !== date.toDateString()) return formatTime(time, language);
  return date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A share (0–1) as a whole percentage: 0.125 → "13%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
