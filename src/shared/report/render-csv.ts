import { formatDateTime } from './format';
import type { ReportStrings } from './report-strings';
import { isErrorStatus, type ReportNode, type RunReport } from './run-report';

/** Excel reads a file without it as the local code page and garbles Chinese names. */
export const UTF8_BOM = '\uFEFF';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula gets a leading quote
 * mark; numbers are written as they are (a negative number is not a formula).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: ReadonlyArray<string | number | null>): string {
  return cells.map(csvCell).join(',');
}

/** The report's node table, every node of the task, as CSV with CRLF line ends and a BOM. */
export function renderNodesCsv(report: RunReport, strings: ReportStrings): string {
  const f = strings.fields;
  const time = (ms: number | null) => (ms === null ? null : formatDateTime(ms, report.timeZone));
  const columns: Array<[string, (node: ReportNode) => string | number | null]> = [
    [f.node, (node) => node.nodeId],
    [f.name, (node) => node.name],
    [f.type, (node) => strings.nodeTypes[node.nodeType]],
    [f.kind, (node) => (node.kind === null ? null : strings.nodeKinds[node.kind])],
    [f.parent, (node) => node.parentId],
    [f.level, (node) => node.level],
    [f.status, (node) => strings.status[node.status]],
    [f.attempts, (node) => node.attempts],
    [f.agentLoad, (node) => node.agentLoad],
    [f.agentMetaId, (node) => node.agentMetaId],
    [f.agentUrl, (node) => node.agentUrl],
    [f.containerType, (node) => node.containerType],
    [f.envConfig, (node) => node.envConfig],
    [f.bizValue, (node) => node.bizValue],
    [f.engine, (node) => node.engineId],
    [`${f.startTime} (${report.timeZone})`, (node) => time(node.startTime)],
    [`${f.endTime} (${report.timeZone})`, (node) => time(node.endTime)],
    [f.durationMs, (node) => node.durationMs],
    [`${f.peakCpu} (%)`, (node) => node.peakCpuPercent],
    [f.peakMemoryBytes, (node) => node.peakMemoryBytes],
    [f.queueTimeMs, (node) => node.queueTimeMs],
    [`${f.meanCpu} (%)`, (node) => node.meanCpuPercent],
    [f.meanMemoryMb, (node) => node.meanMemoryMb],
    [f.insideTotal, (node) => node.managedNodesTotal],
    [f.insideCompleted, (node) => node.managedNodesCompleted],
    [f.errorCode, (node) => (isErrorStatus(node.status) ? node.errorCode : null)],
    [f.errorMessage, (node) => (isErrorStatus(node.status) ? node.errorMessage : null)],
    [f.reason, (node) => (isErrorStatus(node.status) ? null : [node.errorCode, node.errorMessage].filter(Boolean).join(': ') || null)],
  ];
  const lines = [csvRow(columns.map(([title]) => title)), ...report.nodes.map((node) => csvRow(columns.map(([, value]) => value(node))))];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
