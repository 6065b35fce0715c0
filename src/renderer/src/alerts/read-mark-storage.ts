import { parseReadMark, type ReadMark } from './model/alert-list';

const READ_MARK_KEY = 'deduction-console-alerts-read';

/** What this browser has already shown the operator, so a reload does not count it again. */
export function loadReadMark(): ReadMark {
  try {
    return parseReadMark(localStorage.getItem(READ_MARK_KEY));
  } catch {
    return parseReadMark(null);
  }
}

export function storeReadMark(mark: ReadMark): void {
  try {
    localStorage.setItem(READ_MARK_KEY, JSON.stringify(mark));
  } catch {
    // Without storage the mark lasts as long as the window.
  }
}
