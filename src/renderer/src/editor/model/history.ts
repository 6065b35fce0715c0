/**
 * Undo history over immutable snapshots. Edits that arrive as a stream (typing in a field,
 * dragging a node) share a coalescing key, so one undo takes back the whole gesture rather
 * than one keystroke or one pixel.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The key of the edit that produced `present`, while further edits may merge into it. */
  readonly openKey?: string;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(history: History<T>, next: T, coalesceKey?: string): History<T> {
  if (next === history.present) return history;
  if (coalesceKey !== undefined && coalesceKey === history.openKey) {
    return { past: history.past, present: next, future: [], openKey: coalesceKey };
  }
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], openKey: coalesceKey };
}

/** Shows an edit in progress (a drag, a resize) without making it an undo step yet. */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return next === history.present ? history : { ...history, present: next };
}

/**
 * Ends a gesture that began at `from`: one undo step back to where it started, however many
 * intermediate states were shown on the way.
 */
export function recordFrom<T>(history: History<T>, from: T): History<T> {
  if (from === history.present) return history;
  return { past: [...history.past, from].slice(-HISTORY_LIMIT), present: history.present, future: [] };
}

/** Ends the current gesture: the next edit starts a new undo step even with the same key. */
export function seal<T>(history: History<T>): History<T> {
  return history.openKey === undefined ? history : { past: history.past, present: history.present, future: history.future };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}
