import type { BookmarkKind } from '../review/bookmarks';
import type { ReportLanguage } from './run-report';

/**
 * The words of the after-action review and of the run report's bookmarks section, in each
 * language a report speaks (report-strings.ts gives the rest: statuses, units, field names).
 */
export interface AfterActionStrings {
  /** `{name}` is the task's name. */
  title: string;
  bookmarksSection: string;
  noBookmarks: string;
  noBookmarksInRun: string;
  /** `{shown}` of `{total}`. */
  bookmarksTruncated: string;
  /** `{n}` is the bookmark's place, `{offset}` its task time. */
  momentHeading: string;
  fields: Record<'taskTime' | 'time' | 'author' | 'kind' | 'node' | 'text' | 'change' | 'statusThen', string>;
  kinds: Record<BookmarkKind, string>;
  graph: string;
  tree: string;
  changesSincePrevious: string;
  changesSinceStart: string;
  noChanges: string;
  graphTruncated: string;
  treeTruncated: string;
  changesTruncated: string;
  /** Who made a bookmark when the session had no name. */
  unknownAuthor: string;
}

const en: AfterActionStrings = {
  title: 'After-action review: {name}',
  bookmarksSection: 'Bookmarks and annotations',
  noBookmarks: 'This task has no bookmarks yet. Add them in the monitor, on the timeline, live or in replay; each becomes a moment of this review.',
  noBookmarksInRun: 'No bookmarks or annotations.',
  bookmarksTruncated: 'The first {shown} of {total} bookmarks are reviewed.',
  momentHeading: '{n}. At +{offset}',
  fields: { taskTime: 'Task time', time: 'Time', author: 'By', kind: 'Kind', node: 'Node', text: 'Text', change: 'Change', statusThen: 'Status then' },
  kinds: { bookmark: 'Bookmark', annotation: 'Annotation' },
  graph: 'The graph at this moment',
  tree: 'The tree at this moment',
  changesSincePrevious: 'Changed since the previous bookmark',
  changesSinceStart: 'Changed since the start',
  noChanges: 'No node changed status.',
  graphTruncated: 'The graph shows the first {shown} of {total} nodes.',
  treeTruncated: 'The tree shows the first {shown} of {total} nodes.',
  changesTruncated: 'The first {shown} of {total} changes are listed.',
  unknownAuthor: 'unnamed',
};

const zhCN: AfterActionStrings = {
  title: '复盘报告：{name}',
  bookmarksSection: '书签与批注',
  noBookmarks: '此任务尚无书签。请在监控的时间线上添加书签（实时或回放中均可），每个书签即成为本复盘报告的一个时刻。',
  noBookmarksInRun: '没有书签或批注。',
  bookmarksTruncated: '复盘了 {total} 个书签中的前 {shown} 个。',
  momentHeading: '{n}. 开始后 {offset}',
  fields: { taskTime: '任务时间', time: '时刻', author: '作者', kind: '类型', node: '节点', text: '内容', change: '变化', statusThen: '当时状态' },
  kinds: { bookmark: '书签', annotation: '批注' },
  graph: '此刻的图',
  tree: '此刻的树',
  changesSincePrevious: '自上一个书签以来的变化',
  changesSinceStart: '自开始以来的变化',
  noChanges: '没有节点改变状态。',
  graphTruncated: '图中显示了 {total} 个节点中的前 {shown} 个。',
  treeTruncated: '树中显示了 {total} 个节点中的前 {shown} 个。',
  changesTruncated: '列出了 {total} 个变化中的前 {shown} 个。',
  unknownAuthor: '未署名',
};

export const AFTER_ACTION_STRINGS: Readonly<Record<ReportLanguage, AfterActionStrings>> = { en, 'zh-CN': zhCN };
