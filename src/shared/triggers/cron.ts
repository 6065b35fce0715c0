import { Cron } from 'croner';
import { errorText } from '../error-text';

/**
 * A schedule trigger's cron expression and time zone, read by croner: five fields, or six
 * with seconds first. Runs in the browser (the editor's validator) as in Node (the trigger
 * service), so both say the same about one expression.
 */
export type ScheduleReading =
  | { ok: true; cron: Cron }
  | { ok: false; field: 'cron' | 'timezone'; problem: 'cron' | 'timezone' | 'never'; detail: string };

export function readSchedule(cron: string, timezone?: string): ScheduleReading {
  if (timezone !== undefined && !isTimeZone(timezone)) return { ok: false, field: 'timezone', problem: 'timezone', detail: timezone };
  let reading: Cron;
  try {
    reading = new Cron(cron, { mode: '5-or-6-parts', ...(timezone === undefined ? {} : { timezone }) });
  } catch (error) {
    return { ok: false, field: 'cron', problem: 'cron', detail: cronDetail(errorText(error)) };
  }
  if (reading.nextRun() === null) return { ok: false, field: 'cron', problem: 'never', detail: cron };
  return { ok: true, cron: reading };
}

/** The first firing strictly after `after` (epoch ms), or null when the expression never fires again. */
export function nextFiring(cron: Cron, after: number): number | null {
  return cron.nextRun(new Date(after))?.getTime() ?? null;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** croner's message without its class prefix ("CronPattern: Invalid value for minute: 61"). */
function cronDetail(message: string): string {
  return message.replace(/^Cron\w*:\s*/, '');
}
