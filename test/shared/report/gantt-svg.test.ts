import { describe, expect, it } from 'vitest';
import { GANTT_ROWS_PER_CHART, renderGanttSvgs } from '../../../src/shared/report/gantt-svg';
import { REPORT_STRINGS } from '../../../src/shared/report/report-strings';
import type { ReportTimelineRow } from '../../../src/shared/report/run-report';
import { HOSTILE, sampleReport, T0 } from './report-fixture';

const en = REPORT_STRINGS.en;

function chartOf(rows: ReportTimelineRow[], start: number, end: number, generatedAt = end) {
  return renderGanttSvgs({ ...sampleReport(), generatedAt, timeline: { items: rows, total: rows.length, start, end } }, en);
}

const bar = (startTime: number, endTime: number | null, status: 'completed' | 'failed' | 'running' = 'completed') => ({
  batch: 1,
  status,
  errorCode: null,
  startTime,
  endTime,
});

function rects(svg: string): Array<{ x: number; width: number }> {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((match) => ({ x: Number(match[1]), width: Number(match[2]) }));
}

describe('renderGanttSvgs', () => {
  it('places each bar by its times on a shared axis', () => {
    const [svg] = chartOf([{ nodeId: 'a', name: null, bars: [bar(T0, T0 + 10_000)] }, { nodeId: 'b', name: null, bars: [bar(T0 + 5000, T0 + 20_000)] }], T0, T0 + 20_000);
    const [a, b] = rects(svg!);
    // 210 label width, 778 plot width (1000 − 210 − 12).
    expect(a).toEqual({ x: 210, width: 389 });
    expect(b).toEqual({ x: 404.5, width: 583.5 });
  });

  it('draws a running attempt up to the report’s moment', () => {
    const [svg] = chartOf([{ nodeId: 'a', name: null, bars: [bar(T0, null, 'running')] }], T0, T0 + 1000, T0 + 1000);
    expect(rects(svg!)[0]).toEqual({ x: 210, width: 778 });
    expect(svg).toContain('fill="#1565c0"');
  });

  it('gives ticks milliseconds on short runs and dates on runs past a day', () => {
    const [short] = chartOf([{ nodeId: 'a', name: null, bars: [bar(T0, T0 + 2500)] }], T0, T0 + 2500);
    expect(short).toContain('>14:00:00.000<');
    expect(short).toContain('>14:00:02.500<');
    const [long] = chartOf([{ nodeId: 'a', name: null, bars: [bar(T0, T0 + 2 * 86_400_000)] }], T0, T0 + 2 * 86_400_000);
    expect(long).toContain('>2026-11-24 14:00:00<');
    const [minutes] = chartOf([{ nodeId: 'a', name: null, bars: [bar(T0, T0 + 600_000)] }], T0, T0 + 600_000);
    expect(minutes).toContain('>14:10:00<');
  });

  it('shortens long labels, escapes them, and keeps the full id in a tooltip', () => {
    const id = `${HOSTILE}-${'x'.repeat(80)}`;
    const [svg] = chartOf([{ nodeId: id, name: null, bars: [bar(T0, T0 + 10)] }], T0, T0 + 10);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;-xxx…<title>');
    expect(svg).toContain(`<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;-${'x'.repeat(80)}</title>`);
  });

  it('splits many rows into charts of a page each, and draws nothing without a start', () => {
    const rows = Array.from({ length: GANTT_ROWS_PER_CHART * 2 + 1 }, (_, index) => ({ nodeId: `n${index}`, name: null, bars: [bar(T0, T0 + 10)] }));
    expect(chartOf(rows, T0, T0 + 10)).toHaveLength(3);
    expect(chartOf([], T0, T0)).toEqual([]);
  });
});
