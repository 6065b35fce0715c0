import type { LogLine, LogPage } from '../../../../shared/api/logs';

/** Lines fetched per page while scrolling. */
export const PAGE_SIZE = 500;
/** At most this many lines are held; pages fall off the far end as new ones arrive. */
export const WINDOW_MAX = 20_000;

/**
 * A bounded, contiguous run of the lines matching the filters, oldest first, and what lies
 * beyond each end. The full result may be a million lines; only this window is in memory.
 */
export interface LogWindow {
  lines: readonly LogLine[];
  /** Matching lines exist before lines[0]. */
  hasOlder: boolean;
  /** Matching lines exist after the last line that are not in the window. */
  hasNewer: boolean;
  /** The newest matching line id known (in the window or only counted); live fetches start after it. */
  tailId: string | null;
  /** Lines that arrived live while the user was not following the tail. */
  unseen: number;
}

export const EMPTY_WINDOW: LogWindow = { lines: [], hasOlder: false, hasNewer: false, tailId: null, unseen: 0 };

/** Compares decimal ids (64-bit snowflakes) without losing precision. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

const lastId = (lines: readonly LogLine[]): string | null => lines[lines.length - 1]?.id ?? null;

/** The window opened at the newest lines, from a backward page (newest first). */
export function openAtTail(page: LogPage): LogWindow {
  const lines = [...page.lines].reverse();
  return { lines, hasOlder: page.nextCursor !== null, hasNewer: false, tailId: lastId(lines), unseen: 0 };
}

/**
 * The window opened at the oldest lines, from a forward page. `tailId` is not known yet, so
 * the window says there may be newer lines whenever the page was full.
 */
export function openAtHead(page: LogPage): LogWindow {
  return { lines: page.lines, hasOlder: false, hasNewer: page.nextCursor !== null, tailId: page.nextCursor === null ? lastId(page.lines) : null, unseen: 0 };
}

/** Cursor for the page before the window (a backward query), null when there is none. */
export function olderCursor(window: LogWindow): string | null {
  return window.hasOlder ? (window.lines[0]?.id ?? null) : null;
}

/** Cursor for the page after the window (a forward query); undefined asks from the start. */
export function newerCursor(window: LogWindow): string | undefined {
  return lastId(window.lines) ?? undefined;
}

/** Cursor for a live fetch: after the newest line known. */
export function liveCursor(window: LogWindow): string | undefined {
  return window.tailId ?? lastId(window.lines) ?? undefined;
}

/** What changed at the start of the window, so the list can keep the same lines in view. */
export interface WindowChange {
  window: LogWindow;
  /** Lines added before the old first line. */
  prepended: number;
  /** Lines removed from the start. */
  dropped: number;
}

/**
 * Puts a backward page (newest first) before the window; when over `max`, the newest lines
 * fall off the end (they can be fetched again).
 */
export function prependOlder(window: LogWindow, page: LogPage, max = WINDOW_MAX): WindowChange {
  const first = window.lines[0]?.id;
  const older = [...page.lines].reverse().filter((line) => first === undefined || compareIds(line.id, first) < 0);
  let lines = [...older, ...window.lines];
  let hasNewer = window.hasNewer;
  if (lines.length > max) {
    lines = lines.slice(0, max);
    hasNewer = true;
  }
  return { window: { ...window, lines, hasOlder: page.nextCursor !== null, hasNewer }, prepended: older.length, dropped: 0 };
}

/**
 * Puts a forward page (oldest first) after the window; when over `max`, the oldest lines fall
 * off the start.
 */
export function appendNewer(window: LogWindow, page: LogPage, max = WINDOW_MAX): WindowChange {
  const last = lastId(window.lines);
  const newer = page.lines.filter((line) => last === null || compareIds(line.id, last) > 0);
  let lines = [...window.lines, ...newer];
  let dropped = 0;
  if (lines.length > max) {
    dropped = lines.length - max;
    lines = lines.slice(dropped);
  }
  // A page that reached the end is the truth about the end, whatever was counted before it.
  const hasNewer = page.nextCursor !== null;
  const tail = lastId(lines);
  const tailId = hasNewer && window.tailId !== null && (tail === null || compareIds(window.tailId, tail) > 0) ? window.tailId : tail;
  return { window: { ...window, lines, hasOlder: window.hasOlder || dropped > 0, hasNewer, tailId }, prepended: 0, dropped };
}

/**
 * Takes a live forward page (from liveCursor). Following the tail, the lines join the window
 * and old ones fall off. Not following, they join while the window has room and the window
 * reaches the tail; after that they are only counted, and the window says newer lines exist.
 */
export function applyLive(window: LogWindow, page: LogPage, following: boolean, max = WINDOW_MAX): WindowChange {
  if (page.lines.length === 0) return { window, prepended: 0, dropped: 0 };
  const newest = lastId(page.lines)!;
  const reachesTail = !window.hasNewer;
  if (following && reachesTail) {
    const change = appendNewer({ ...window, tailId: null }, { lines: page.lines, nextCursor: null }, max);
    return { ...change, window: { ...change.window, tailId: newest, unseen: 0 } };
  }
  const unseen = window.unseen + page.lines.length;
  if (reachesTail && window.lines.length + page.lines.length <= max) {
    const last = lastId(window.lines);
    const lines = [...window.lines, ...page.lines.filter((line) => last === null || compareIds(line.id, last) > 0)];
    return { window: { ...window, lines, tailId: newest, unseen }, prepended: 0, dropped: 0 };
  }
  return { window: { ...window, hasNewer: true, tailId: newest, unseen }, prepended: 0, dropped: 0 };
}

/** The user reached the newest line: nothing is unseen any more. */
export function markSeen(window: LogWindow): LogWindow {
  return window.unseen === 0 || window.hasNewer ? window : { ...window, unseen: 0 };
}
