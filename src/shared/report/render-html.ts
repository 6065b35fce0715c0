import { clockSection } from './clock-section';
import { escapeHtml } from './escape';
import { renderCompareSection } from './compare-section';
import { renderBookmarksSection } from './bookmarks-section';
import { formatDuration } from '../format/duration';
import { formatBytes, formatDateTime, formatPercent } from './format';
import { renderGanttSvgs } from './gantt-svg';
import { fill, RECOVERY_CODES, type RecoveryCode, type ReportStrings } from './report-strings';
import { REPORT_CSS } from './report-styles';
import { isErrorStatus, REPORT_LIMITS, type Limited, type ReportAction, type ReportResourcePeak, type RunReport } from './run-report';
import { REPORT_STATUS_COLORS } from './status-colors';
import { injectsSection } from './injects-section';
import type { ExecutionStatus, NodeStatus, TaskStatus } from '../status';
import { taskAuditOf } from '../task/task-audit';
import { AGENT_WORDS_LABEL, wordReason } from '../task/reason-wordings';

type Status = NodeStatus | TaskStatus | ExecutionStatus;

interface Context {
  report: RunReport;
  s: ReportStrings;
  time(ms: number | null): string;
  duration(ms: number | null): string;
  badge(status: Status): string;
  text(value: string | null | undefined): string;
  /** A stored reason in the report's language (wordReason), the agent's own words marked as such. */
  reason(value: string | null | undefined, code?: string | null): string;
}

function context(report: RunReport, s: ReportStrings): Context {
  return {
    report,
    s,
    time: (ms) => (ms === null ? s.none : escapeHtml(formatDateTime(ms, report.timeZone))),
    duration: (ms) => (ms === null ? s.none : escapeHtml(formatDuration(ms, s.units))),
    badge: (status) => `<span class="badge" style="background:${REPORT_STATUS_COLORS[status]}">${escapeHtml(s.status[status])}</span>`,
    text: (value) => (value === null || value === undefined || value === '' ? s.none : escapeHtml(value)),
    reason: (value, code = null) => {
      if (value === null || value === undefined || value === '') return s.none;
      const language = s.lang === 'zh-CN' ? 'zh-CN' : 'en';
      const worded = wordReason(language, value, code, (status) => s.status[status as Status] ?? status);
      const own = worded.agentWords === null ? '' : `${escapeHtml(AGENT_WORDS_LABEL[language])}: “${escapeHtml(worded.agentWords)}”`;
      return worded.text === null ? own : own === '' ? escapeHtml(worded.text) : `${escapeHtml(worded.text)} (${own})`;
    },
  };
}

/** Column kinds: `num` right-aligned figures, `fit` kept on one line, `wrap` long text that may break anywhere but inside a code. */
type Column = 'num' | 'fit' | 'wrap';

function table(head: string[], rows: string[][], columns: ReadonlyArray<Column | undefined> = []): string {
  const cell = (tag: 'th' | 'td', html: string, index: number) => `<${tag}${columns[index] ? ` class="${columns[index]}"` : ''}>${html}</${tag}>`;
  return `<table><thead><tr>${head.map((html, index) => cell('th', html, index)).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((html, index) => cell('td', html, index)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function truncated(list: Limited<unknown>, template: string): string {
  return list.total > list.items.length ? `<p class="note">${escapeHtml(fill(template, { shown: list.items.length, total: list.total }))}</p>` : '';
}

/**
 * An error or reason code, which may break only after its underscores (a <wbr> there) and
 * never inside a word, however narrow its column.
 */
function code(value: string): string {
  return `<code class="code">${escapeHtml(value).replace(/_/g, '_<wbr>')}</code>`;
}

/** A code and its message, as one cell. */
function codeAndMessage(c: Context, errorCode: string | null, message: string | null): string {
  if (!errorCode && !message) return c.s.none;
  return [errorCode ? code(errorCode) : '', message ? c.reason(message, errorCode) : ''].filter(Boolean).join(' ');
}

function nodeLabel(nodeId: string, name: string | null): string {
  return name && name !== nodeId ? `${escapeHtml(nodeId)} <span class="sub">${escapeHtml(name)}</span>` : escapeHtml(nodeId);
}

function summary(c: Context): string {
  const { task } = c.report;
  const facts: Array<[string, string]> = [
    [c.s.fields.taskId, escapeHtml(task.taskId)],
    [c.s.fields.status, c.badge(task.status)],
    [c.s.fields.createdBy, c.text(task.createdBy)],
    [c.s.fields.createdAt, c.time(task.createdAt)],
    [c.s.fields.startTime, c.time(task.startTime)],
    [c.s.fields.endTime, c.time(task.endTime)],
    [c.s.fields.duration, c.duration(task.durationMs)],
    [c.s.fields.engines, task.engineIds.length === 0 ? c.s.none : escapeHtml(task.engineIds.join(', '))],
    [c.s.fields.engineTaskId, c.text(task.engineTaskId)],
    [c.s.fields.engineUrl, c.text(task.engineUrl)],
  ];
  if (task.description) facts.unshift([c.s.fields.description, escapeHtml(task.description)]);
  if (task.errorMessage) facts.push([c.s.fields.error, c.reason(task.errorMessage)]);
  const running = task.endTime === null ? `<p class="alert">${escapeHtml(c.s.notes.stillRunning)}</p>` : '';
  return `<h2>${escapeHtml(c.s.sections.summary)}</h2>${running}<table class="facts"><tbody>${facts
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${value}</td></tr>`)
    .join('')}</tbody></table>`;
}

function counters(c: Context): string {
  const { counters: n, nodeStatusCounts, executionsTotal, retries } = c.report;
  const tiles: Array<[string, number]> = [
    [c.s.counters.totalNodes, n.totalNodes],
    [c.s.counters.agents, n.totalAgents],
    [c.s.counters.containers, n.totalContainers],
    [c.s.counters.completed, n.completedNodes],
    [c.s.counters.failed, n.failedNodes],
    [c.s.counters.running, n.runningNodes],
    [c.s.counters.skipped, n.skippedNodes],
    [c.s.counters.stopped, nodeStatusCounts.stopped ?? 0],
    [c.s.counters.executions, executionsTotal],
    [c.s.counters.retriedNodes, retries.total],
  ];
  return `<h2>${escapeHtml(c.s.sections.counters)}</h2><div class="tiles">${tiles
    .map(([name, value]) => `<div class="tile"><div class="value">${value}</div><div class="name">${escapeHtml(name)}</div></div>`)
    .join('')}</div>`;
}

function health(c: Context): string {
  const h = c.report.health;
  const tiles: Array<[string, string]> = [
    [c.s.health.score, String(h.healthScore)],
    [c.s.health.performance, String(Math.round(h.performanceScore))],
    [c.s.health.risk, c.s.risk[h.riskLevel]],
    [c.s.health.failureRate, `${Math.round(h.failureRate * 100)}%`],
  ];
  const advice = h.recommendations.length === 0 ? '' : `<h3>${escapeHtml(c.s.health.recommendations)}</h3><ul>${h.recommendations.map((key) => `<li>${escapeHtml(c.s.recommendations[key])}</li>`).join('')}</ul>`;
  return `<h2>${escapeHtml(c.s.health.title)}</h2><div class="tiles">${tiles
    .map(([name, value]) => `<div class="tile"><div class="value">${escapeHtml(value)}</div><div class="name">${escapeHtml(name)}</div></div>`)
    .join('')}</div>${advice}`;
}

function peaks(c: Context, title: string, list: ReportResourcePeak[], format: (value: number) => string): string {
  return `<div><h3>${escapeHtml(title)}</h3>${table(
    [escapeHtml(c.s.fields.node), escapeHtml(title)],
    list.map((peak) => [nodeLabel(peak.nodeId, peak.name), escapeHtml(format(peak.value))]),
    ['wrap', 'num'],
  )}</div>`;
}

function resources(c: Context): string {
  const r = c.report.resources;
  const heading = `<h2>${escapeHtml(c.s.sections.resources)}</h2>`;
  if (r.taskPeakCpuPercent === null && r.topCpu.length === 0) return `${heading}<p class="note">${escapeHtml(c.s.resources.noSamples)}</p>`;
  const facts = `<table class="facts"><tbody>
<tr><th>${escapeHtml(c.s.resources.taskPeakCpu)}</th><td>${r.taskPeakCpuPercent === null ? c.s.none : escapeHtml(formatPercent(r.taskPeakCpuPercent))}</td></tr>
<tr><th>${escapeHtml(c.s.resources.taskPeakMemory)}</th><td>${r.taskPeakMemoryBytes === null ? c.s.none : escapeHtml(formatBytes(r.taskPeakMemoryBytes))}</td></tr>
</tbody></table>`;
  return `${heading}${facts}<div class="columns">${peaks(c, c.s.resources.topCpu, r.topCpu, formatPercent)}${peaks(c, c.s.resources.topMemory, r.topMemory, formatBytes)}</div>`;
}

function timeline(c: Context): string {
  const charts = renderGanttSvgs(c.report, c.s);
  const heading = `<h2 class="page">${escapeHtml(c.s.sections.timeline)}</h2>`;
  if (charts.length === 0) return `${heading}<p class="note">${escapeHtml(c.s.notes.noTimeline)}</p>`;
  const shown = new Set(c.report.timeline.items.flatMap((row) => row.bars.map((bar) => bar.status)));
  const legend = `<div class="legend">${[...shown]
    .map((status) => `<span style="--swatch:${REPORT_STATUS_COLORS[status]}">${escapeHtml(c.s.status[status])}</span>`)
    .join('')}</div>`;
  return `${heading}${truncated(c.report.timeline, c.s.notes.timelineTruncated)}${legend}${charts.join('')}`;
}

function failures(c: Context): string {
  const { failures: list } = c.report;
  const heading = `<h2>${escapeHtml(c.s.sections.failures)}</h2>`;
  if (list.total === 0) return `${heading}<p class="note">${escapeHtml(c.s.notes.noFailures)}</p>`;
  const blocks = list.items.map((failure) => {
    const logs =
      failure.logs.length === 0
        ? `<p class="note">${escapeHtml(c.s.notes.noLogs)}</p>`
        : `<p class="note">${escapeHtml(fill(c.s.notes.logsShown, { shown: failure.logs.length }))}</p><table class="logs"><thead><tr><th>${escapeHtml(c.s.fields.time)}</th><th>${escapeHtml(c.s.fields.batch)}</th><th>${escapeHtml(c.s.fields.logLevel)}</th><th>${escapeHtml(c.s.fields.message)}</th></tr></thead><tbody>${failure.logs
            .map(
              (line) =>
                `<tr class="${line.level}"><td>${c.time(line.time)}</td><td>${line.batch ?? c.s.none}</td><td>${escapeHtml(c.s.logLevels[line.level])}</td><td>${escapeHtml(line.message)}</td></tr>`,
            )
            .join('')}</tbody></table>`;
    return `<div class="failure"><h3>${nodeLabel(failure.nodeId, failure.name)}</h3><table class="facts"><tbody>
<tr><th>${escapeHtml(c.s.fields.batch)}</th><td>${failure.batch}</td></tr>
<tr><th>${escapeHtml(c.s.fields.endTime)}</th><td>${c.time(failure.endTime)}</td></tr>
<tr><th>${escapeHtml(c.s.fields.errorCode)}</th><td>${failure.errorCode ? code(failure.errorCode) : c.s.none}</td></tr>
<tr><th>${escapeHtml(c.s.fields.errorMessage)}</th><td>${c.reason(failure.errorMessage, failure.errorCode)}</td></tr>
</tbody></table>${logs}</div>`;
  });
  return `${heading}${truncated(list, c.s.notes.failuresTruncated)}${blocks.join('')}`;
}

function retries(c: Context): string {
  const { retries: list } = c.report;
  const heading = `<h2>${escapeHtml(c.s.sections.retries)}</h2>`;
  if (list.total === 0) return `${heading}<p class="note">${escapeHtml(c.s.notes.noRetries)}</p>`;
  return `${heading}${truncated(list, c.s.notes.retriesTruncated)}${table(
    [c.s.fields.node, c.s.fields.status, c.s.fields.attempts, c.s.fields.outcomes].map(escapeHtml),
    list.items.map((retry) => [
      nodeLabel(retry.nodeId, retry.name),
      c.badge(retry.status),
      String(retry.attempts.length),
      retry.attempts
        .map((attempt) => `#${attempt.batch} ${c.badge(attempt.status)}${attempt.errorCode ? ` ${code(attempt.errorCode)}` : ''}`)
        .join(' '),
    ]),
    ['wrap', 'fit', 'num'],
  )}`;
}

/** Nodes an onError rule ended (recovered, skipped, escalated); no section when no rule acted. */
function recoveries(c: Context): string {
  const acted = c.report.nodes.filter((node) => (RECOVERY_CODES as readonly (string | null)[]).includes(node.errorCode));
  if (acted.length === 0) return '';
  return `<h2>${escapeHtml(c.s.sections.recoveries)}</h2>${table(
    [c.s.fields.node, c.s.fields.status, c.s.fields.outcomes, c.s.fields.reason].map(escapeHtml),
    acted.map((node) => [nodeLabel(node.nodeId, node.name), c.badge(node.status), escapeHtml(c.s.recoveries[node.errorCode as RecoveryCode]), c.reason(node.errorMessage, node.errorCode)]),
    ['wrap', 'fit', 'fit', 'wrap'],
  )}`;
}

/**
 * What an operator's action changed. A task's pause and resume leave the root's status as it
 * was, so they read as the task's own change (Running → Paused, Paused → Running), not as
 * the root's unchanged status twice.
 */
function change(c: Context, action: ReportAction): string {
  const audit = taskAuditOf(action);
  if (audit === 'paused') return `${c.badge('running')} → ${c.badge('paused')}`;
  if (audit === 'resumed') return `${c.badge('paused')} → ${c.badge('running')}`;
  return `${action.from === null ? c.s.none : c.badge(action.from)} → ${c.badge(action.to)}`;
}

function actions(c: Context): string {
  const { operatorActions: list } = c.report;
  const heading = `<h2>${escapeHtml(c.s.sections.operatorActions)}</h2>`;
  if (list.total === 0) return `${heading}<p class="note">${escapeHtml(c.s.notes.noActions)}</p>`;
  return `${heading}${truncated(list, c.s.notes.actionsTruncated)}${table(
    [c.s.fields.time, c.s.fields.operator, c.s.fields.node, c.s.fields.change, c.s.fields.reason].map(escapeHtml),
    list.items.map((action) => [
      c.time(action.time),
      c.text(action.operator),
      `${escapeHtml(action.nodeId)} #${action.batch}`,
      change(c, action),
      c.reason(action.reason),
    ]),
    ['fit', 'wrap', 'wrap', 'fit', 'wrap'],
  )}`;
}

function nodes(c: Context): string {
  const all = c.report.nodes;
  const shown = { items: all.slice(0, REPORT_LIMITS.htmlNodeRows), total: all.length };
  return `<h2 class="page">${escapeHtml(c.s.sections.nodes)}</h2>${truncated(shown, c.s.notes.nodesTruncated)}${table(
    [
      c.s.fields.node,
      c.s.fields.type,
      c.s.fields.kind,
      c.s.fields.status,
      c.s.fields.attempts,
      c.s.fields.startTime,
      c.s.fields.queued,
      c.s.fields.duration,
      c.s.fields.peakCpu,
      c.s.fields.peakMemory,
      c.s.fields.inside,
      c.s.fields.error,
      c.s.fields.reason,
    ].map(escapeHtml),
    shown.items.map((node) => [
      `${'&nbsp;&nbsp;'.repeat(Math.min(node.level, 8))}${nodeLabel(node.nodeId, node.name)}`,
      escapeHtml(c.s.nodeTypes[node.nodeType]),
      node.kind === null ? c.s.none : escapeHtml(c.s.nodeKinds[node.kind]),
      c.badge(node.status),
      String(node.attempts),
      c.time(node.startTime),
      c.duration(node.queueTimeMs),
      c.duration(node.durationMs),
      node.peakCpuPercent === null ? c.s.none : escapeHtml(formatPercent(node.peakCpuPercent)),
      node.peakMemoryBytes === null ? c.s.none : escapeHtml(formatBytes(node.peakMemoryBytes)),
      node.managedNodesTotal === null ? c.s.none : escapeHtml(`${node.managedNodesCompleted ?? 0}/${node.managedNodesTotal}`),
      isErrorStatus(node.status) ? codeAndMessage(c, node.errorCode, node.errorMessage) : c.s.none,
      isErrorStatus(node.status) ? c.s.none : codeAndMessage(c, node.errorCode, node.errorMessage),
    ]),
    ['wrap', 'fit', 'fit', 'fit', 'num', 'fit', 'num', 'num', 'num', 'num', 'num', 'wrap', 'wrap'],
  )}`;
}

/**
 * The run report as one self-contained HTML document: inline styles and SVG only, every value
 * from the store escaped, laid out to print (the PDF is this document, printed).
 */
export function renderReportHtml(report: RunReport, strings: ReportStrings): string {
  const c = context(report, strings);
  const title = fill(strings.title, { name: report.task.name });
  return `<!DOCTYPE html>
<html lang="${escapeHtml(strings.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(strings.generatedAt)} ${c.time(report.generatedAt)} · ${escapeHtml(strings.timesIn)} ${escapeHtml(report.timeZone)}</p>
${summary(c)}
${counters(c)}
${health(c)}
${resources(c)}
${timeline(c)}
${clockSection(report.clock, strings.lang)}
${failures(c)}
${retries(c)}
${recoveries(c)}
${actions(c)}
${renderBookmarksSection(report.bookmarks, report.task, report.timeZone, strings)}
${injectsSection(report, strings.lang)}
${nodes(c)}
${renderCompareSection(report, strings)}
</body>
</html>
`;
}
