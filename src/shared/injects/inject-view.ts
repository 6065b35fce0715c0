import type { InjectSpec, InjectState } from './inject-spec';

/** One inject of a task as listInjects shows it: the planned inject and what became of it. */
export interface InjectView extends InjectSpec {
  state: InjectState;
  /** When it fired (epoch ms); null while pending. */
  firedAt: number | null;
  /** Task time (ms since the task started) when it fired; for a pending time-triggered inject, when it is due; null otherwise. */
  taskTimeMs: number | null;
  /** The operator who fired it by hand; null when its moment fired it. */
  firedBy: string | null;
  /** What its actions did, or why one could not be carried out. */
  detail: string | null;
}
