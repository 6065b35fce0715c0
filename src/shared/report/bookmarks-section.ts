import type { BookmarkView } from '../review/bookmarks';
import { formatDuration } from '../format/duration';
import { AFTER_ACTION_STRINGS } from './after-action-strings';
import { escapeHtml } from './escape';
import { formatDateTime } from './format';
import type { ReportStrings } from './report-strings';
import type { ReportLanguage, ReportTask } from './run-report';
import { taskTimeOrigin } from './after-action';

/** One bookmark's facts as table cells: task time, moment, kind, author, node, text. */
export function bookmarkCells(bookmark: BookmarkView, task: Pick<ReportTask, 'startTime' | 'createdAt'>, timeZone: string, s: ReportStrings): string[] {
  const words = AFTER_ACTION_STRINGS[s.lang as ReportLanguage];
  return [
    `+${escapeHtml(formatDuration(bookmark.taskTimeMs, s.units))}`,
    escapeHtml(formatDateTime(taskTimeOrigin(task) + bookmark.taskTimeMs, timeZone)),
    escapeHtml(words.kinds[bookmark.kind]),
    escapeHtml(bookmark.author ?? words.unknownAuthor),
    bookmark.nodeId === undefined ? s.none : escapeHtml(bookmark.nodeId),
    `<span class="bookmark-text">${escapeHtml(bookmark.text)}</span>`,
  ];
}

export function bookmarkHead(s: ReportStrings): string[] {
  const { fields } = AFTER_ACTION_STRINGS[s.lang as ReportLanguage];
  return [fields.taskTime, fields.time, fields.kind, fields.author, fields.node, fields.text];
}

/** The run report's list of the task's bookmarks and annotations, in task-time order. */
export function renderBookmarksSection(bookmarks: readonly BookmarkView[], task: Pick<ReportTask, 'startTime' | 'createdAt'>, timeZone: string, s: ReportStrings): string {
  const words = AFTER_ACTION_STRINGS[s.lang as ReportLanguage];
  const heading = `<h2 id="bookmarks">${escapeHtml(words.bookmarksSection)}</h2>`;
  if (bookmarks.length === 0) return `${heading}<p class="note">${escapeHtml(words.noBookmarksInRun)}</p>`;
  const columns = ['num', 'fit', 'fit', 'wrap', 'wrap', 'wrap'];
  const cell = (tag: string, html: string, index: number) => `<${tag} class="${columns[index]}">${html}</${tag}>`;
  const head = bookmarkHead(s).map((name, index) => cell('th', escapeHtml(name), index)).join('');
  const rows = bookmarks.map((bookmark) => `<tr>${bookmarkCells(bookmark, task, timeZone, s).map((html, index) => cell('td', html, index)).join('')}</tr>`).join('');
  return `${heading}<table class="bookmarks"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
