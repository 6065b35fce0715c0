import type { InjectView } from '../../../../shared/injects/inject-view';
import { wallClockMs, type InjectState } from '../../../../shared/injects/inject-spec';

/** One inject on the timeline: where (epoch ms) and in which state; planned ones are not fired yet. */
export interface InjectMark {
  id: string;
  name: string | null;
  state: InjectState;
  at: number;
  planned: boolean;
}

/**
 * Where each inject sits on the timeline: a fired or failed one at its firing moment, a pending
 * one at its planned moment (task start plus its task time, or its wall-clock moment). Pending
 * injects without a moment (manual, on a node status, or task time before the task started)
 * have no place and are left out.
 */
export function injectMarks(injects: readonly InjectView[], taskStart: number | null): InjectMark[] {
  const marks: InjectMark[] = [];
  for (const inject of injects) {
    const at = markTime(inject, taskStart);
    if (at === null) continue;
    marks.push({ id: inject.id, name: inject.name ?? null, state: inject.state, at, planned: inject.state === 'pending' });
  }
  return marks.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

function markTime(inject: InjectView, taskStart: number | null): number | null {
  if (inject.firedAt !== null) return inject.firedAt;
  if (inject.when.type === 'wallClock') return wallClockMs(inject.when.at);
  if (inject.when.type === 'taskTime' && taskStart !== null) return taskStart + (inject.taskTimeMs ?? inject.when.afterMs);
  return null;
}
