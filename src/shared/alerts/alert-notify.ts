import type { AlertEvent } from '../api/alerts';

/** A desktop notification for a new alert and for each escalation; not for repeats, acknowledgements or resolutions. */
export function notifiesDesktop(event: Pick<AlertEvent, 'change'>): boolean {
  return event.change === 'raised' || event.change === 'escalated';
}
