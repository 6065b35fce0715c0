import { escapeHtml } from './escape';
import { formatDuration } from '../format/duration';
import { formatClock, formatDateTime } from './format';
import type { ReportStrings } from './report-strings';
import type { ReportTimelineRow, RunReport } from './run-report';
import { REPORT_STATUS_COLORS } from './status-colors';

/** Rows per drawing: each drawing fits a printed page and carries its own time axis. */
export const GANTT_ROWS_PER_CHART = 40;

const WIDTH = 1000;
const LABEL_WIDTH = 210;
const RIGHT_PAD = 12;
const AXIS_HEIGHT = 22;
const ROW_HEIGHT = 16;
const TICKS = 6;
const LABEL_CHARS = 32;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function label(row: ReportTimelineRow): string {
  const text = row.name && row.name !== row.nodeId ? `${row.nodeId} · ${row.name}` : row.nodeId;
  const chars = [...text];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : text;
}

/**
 * The timeline as SVG Gantt charts, one per GANTT_ROWS_PER_CHART agents: a bar per attempt,
 * coloured by how it ended, with the exact times in each bar's tooltip.
 */
export function renderGanttSvgs(report: RunReport, strings: ReportStrings): string[] {
  const { timeline, timeZone } = report;
  if (timeline.start === null || timeline.end === null || timeline.items.length === 0) return [];
  const start = timeline.start;
  const span = Math.max(1, timeline.end - start);
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (time: number) => LABEL_WIDTH + ((time - start) / span) * plotWidth;
  // A run of seconds needs the milliseconds, or every tick reads the same.
  const tickLabel = (time: number) =>
    span > DAY_MS
      ? formatDateTime(time, timeZone)
      : span < MINUTE_MS
        ? `${formatClock(time, timeZone)}.${String(Math.floor(time) % 1000).padStart(3, '0')}`
        : formatClock(time, timeZone);
  const charts: string[] = [];
  for (let first = 0; first < timeline.items.length; first += GANTT_ROWS_PER_CHART) {
    const rows = timeline.items.slice(first, first + GANTT_ROWS_PER_CHART);
    const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 4;
    const parts: string[] = [];
    for (let tick = 0; tick < TICKS; tick++) {
      const time = start + (span * tick) / (TICKS - 1);
      const at = x(time);
      const anchor = tick === 0 ? 'start' : tick === TICKS - 1 ? 'end' : 'middle';
      parts.push(`<line class="grid" x1="${at.toFixed(1)}" y1="${AXIS_HEIGHT - 4}" x2="${at.toFixed(1)}" y2="${height}"/>`);
      parts.push(`<text class="tick" x="${at.toFixed(1)}" y="${AXIS_HEIGHT - 8}" text-anchor="${anchor}">${escapeHtml(tickLabel(time))}</text>`);
    }
    rows.forEach((row, index) => {
      const y = AXIS_HEIGHT + index * ROW_HEIGHT;
      if (index % 2 === 1) parts.push(`<rect class="stripe" x="0" y="${y}" width="${WIDTH}" height="${ROW_HEIGHT}"/>`);
      parts.push(`<text class="label" x="4" y="${y + ROW_HEIGHT - 4}">${escapeHtml(label(row))}<title>${escapeHtml(row.nodeId)}</title></text>`);
      for (const bar of row.bars) {
        const from = x(bar.startTime!);
        const to = x(bar.endTime ?? report.generatedAt);
        const tip = [
          `${row.nodeId} #${bar.batch}: ${strings.status[bar.status]}`,
          `${formatDateTime(bar.startTime!, timeZone)} → ${bar.endTime === null ? strings.status.running : formatDateTime(bar.endTime, timeZone)}`,
          formatDuration((bar.endTime ?? report.generatedAt) - bar.startTime!, strings.units),
          ...(bar.errorCode ? [bar.errorCode] : []),
        ].join('\n');
        parts.push(
          `<rect x="${from.toFixed(1)}" y="${y + 3}" width="${Math.max(1.5, to - from).toFixed(1)}" height="${ROW_HEIGHT - 6}" rx="2" fill="${REPORT_STATUS_COLORS[bar.status]}"><title>${escapeHtml(tip)}</title></rect>`,
        );
      }
    });
    charts.push(
      `<svg class="gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(strings.sections.timeline)}">${parts.join('')}</svg>`,
    );
  }
  return charts;
}
