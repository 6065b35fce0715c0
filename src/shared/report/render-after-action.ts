import { NOT_YET_STATE } from '../review/moment-state';
import { formatDuration } from '../format/duration';
import type { NodeStatus } from '../status';
import { AFTER_ACTION_LIMITS, statusCounts, type AfterActionMoment, type AfterActionNode, type AfterActionReport } from './after-action';
import { layoutGraph, renderGraphSvg } from './after-action-graph-svg';
import { AFTER_ACTION_STRINGS, type AfterActionStrings } from './after-action-strings';
import { bookmarkCells, bookmarkHead } from './bookmarks-section';
import { escapeHtml } from './escape';
import { formatDateTime } from './format';
import { fill, type ReportStrings } from './report-strings';
import { REPORT_CSS } from './report-styles';
import { REPORT_STATUS_COLORS } from './status-colors';
import type { ReportLanguage } from './run-report';

const AFTER_ACTION_CSS = `
.aar-moment { border-top: 3px solid #1565c0; margin-top: 1.5rem; }
.aar-moment + .aar-moment { break-before: page; }
.aar-text { margin: 0.6rem 0; padding: 0.5rem 0.8rem; border-left: 4px solid #1565c0; background: #f3f7fc; white-space: pre-wrap; font-size: 0.95rem; }
.aar-graph { display: block; max-width: 100%; height: auto; margin: 0.3rem 0 0.8rem; break-inside: avoid; }
.aar-graph text { font: 11px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.aar-edge { fill: none; stroke: #607d8b; stroke-width: 1.2; }
.aar-counts { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.3rem 0; }
`;

interface Words {
  s: ReportStrings;
  w: AfterActionStrings;
  timeZone: string;
}

const badge = (s: ReportStrings, status: NodeStatus) => `<span class="badge" style="background:${REPORT_STATUS_COLORS[status]}">${escapeHtml(s.status[status])}</span>`;

function nodeLabel(node: AfterActionNode | undefined, nodeId: string): string {
  return node?.name && node.name !== nodeId ? `${escapeHtml(nodeId)} <span class="sub">${escapeHtml(node.name)}</span>` : escapeHtml(nodeId);
}

function note(template: string, shown: number, total: number): string {
  return total > shown ? `<p class="note">${escapeHtml(fill(template, { shown, total }))}</p>` : '';
}

function changes(words: Words, moment: AfterActionMoment, first: boolean, byId: ReadonlyMap<string, AfterActionNode>): string {
  const { s, w } = words;
  const heading = `<h3>${escapeHtml(first ? w.changesSinceStart : w.changesSincePrevious)}</h3>`;
  if (moment.changes.length === 0) return `${heading}<p class="note">${escapeHtml(w.noChanges)}</p>`;
  const shown = moment.changes.slice(0, AFTER_ACTION_LIMITS.changes);
  return `${heading}${note(w.changesTruncated, shown.length, moment.changes.length)}<table class="aar-changes"><thead><tr><th>${escapeHtml(s.fields.node)}</th><th>${escapeHtml(w.fields.change)}</th></tr></thead><tbody>${shown
    .map((change) => `<tr data-node="${escapeHtml(change.nodeId)}"><td class="wrap">${nodeLabel(byId.get(change.nodeId), change.nodeId)}</td><td class="fit">${badge(s, change.from)} → ${badge(s, change.to)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function tree(words: Words, report: AfterActionReport, moment: AfterActionMoment): string {
  const { s, w } = words;
  const shown = report.nodes.slice(0, AFTER_ACTION_LIMITS.treeRows);
  const counts = statusCounts(moment.states);
  const summary = `<div class="aar-counts">${(Object.keys(counts) as NodeStatus[]).map((status) => `${badge(s, status)} ${counts[status]}`).join(' ')}</div>`;
  return `<h3>${escapeHtml(w.tree)}</h3>${summary}${note(w.treeTruncated, shown.length, report.nodes.length)}<table class="aar-tree"><thead><tr><th>${escapeHtml(s.fields.node)}</th><th>${escapeHtml(w.fields.statusThen)}</th></tr></thead><tbody>${shown
    .map((node) => {
      const status = (moment.states.get(node.nodeId) ?? NOT_YET_STATE).status;
      return `<tr><td class="wrap">${'&nbsp;&nbsp;'.repeat(Math.min(node.level, 8))}${nodeLabel(node, node.nodeId)}</td><td class="fit">${badge(s, status)}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

function momentSection(words: Words, report: AfterActionReport, moment: AfterActionMoment, index: number, graph: { layout: ReturnType<typeof layoutGraph>; drawn: number; total: number }, byId: ReadonlyMap<string, AfterActionNode>): string {
  const { s, w, timeZone } = words;
  const { bookmark } = moment;
  const heading = fill(w.momentHeading, { n: index + 1, offset: formatDuration(bookmark.taskTimeMs, s.units) });
  const cells = bookmarkCells(bookmark, report.task, timeZone, s);
  const facts = bookmarkHead(s)
    .slice(0, 5)
    .map((name, at) => `<tr><th>${escapeHtml(name)}</th><td>${cells[at]}</td></tr>`)
    .join('');
  const svg = renderGraphSvg(report.nodes, report.edges, graph.layout, moment.states, (status) => s.status[status]);
  return `<section class="aar-moment" data-bookmark="${escapeHtml(bookmark.bookmarkId)}">
<h2>${escapeHtml(heading)} · ${escapeHtml(w.kinds[bookmark.kind])}</h2>
<table class="facts"><tbody>${facts}</tbody></table>
<blockquote class="aar-text">${escapeHtml(bookmark.text)}</blockquote>
${changes(words, moment, index === 0, byId)}
<h3>${escapeHtml(w.graph)}</h3>${note(w.graphTruncated, graph.drawn, graph.total)}${svg}
${tree(words, report, moment)}
</section>`;
}

/**
 * The after-action review as one self-contained HTML document (the PDF is this document,
 * printed): for each bookmark in task-time order, its annotation, what changed since the one
 * before, and the task's graph and tree as they stood at its moment.
 */
export function renderAfterActionHtml(report: AfterActionReport, strings: ReportStrings): string {
  const w = AFTER_ACTION_STRINGS[strings.lang as ReportLanguage];
  const words: Words = { s: strings, w, timeZone: report.timeZone };
  const title = fill(w.title, { name: report.task.name });
  const byId = new Map(report.nodes.map((node) => [node.nodeId, node]));
  const layout = layoutGraph(report.nodes, report.edges);
  const graph = { layout, drawn: layout.columns.size, total: report.nodes.filter((node) => node.parentId !== null).length };
  const body =
    report.moments.length === 0
      ? `<p class="note">${escapeHtml(w.noBookmarks)}</p>`
      : `${note(w.bookmarksTruncated, report.moments.length, report.totalBookmarks)}${report.moments.map((moment, index) => momentSection(words, report, moment, index, graph, byId)).join('\n')}`;
  const status = `<span class="badge" style="background:${REPORT_STATUS_COLORS[report.task.status]}">${escapeHtml(strings.status[report.task.status])}</span>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(strings.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}${AFTER_ACTION_CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">#${escapeHtml(report.task.taskId)} ${status} · ${escapeHtml(strings.fields.startTime)} ${report.task.startTime === null ? strings.none : escapeHtml(formatDateTime(report.task.startTime, report.timeZone))} · ${escapeHtml(strings.generatedAt)} ${escapeHtml(formatDateTime(report.generatedAt, report.timeZone))} · ${escapeHtml(strings.timesIn)} ${escapeHtml(report.timeZone)}</p>
${body}
</body>
</html>
`;
}
