import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTime } from '../common/format';
import { formatTick } from './model/format-units';
import { timeTicks } from './model/time-ticks';
import type { ChartRow } from './model/merge-series';

export interface ChartLine {
  key: string;
  label: string;
  /** A CSS colour, usually `var(--…)` from the theme. */
  color: string;
  /** Filled under the line (the main figure of a chart); others are plain lines. */
  area?: boolean;
  /** Holds each value until the next point: counts that change in steps. */
  step?: boolean;
  /** Its label is a name (an Engine's), not the window's words. */
  verbatim?: boolean;
}

interface TimeChartProps {
  rows: ChartRow[];
  lines: ChartLine[];
  domain: [number, number];
  width: number;
  height: number;
  formatValue: (value: number) => string;
  /** Fixed value-axis ticks (memory at round sizes); recharts picks them otherwise. */
  valueTicks?: { ticks: number[]; top: number };
  /** The replay moment, drawn as a vertical line. */
  at: number | null;
  locale: string;
}

/** What an area and a plain line draw alike. */
function seriesProps(line: ChartLine) {
  return { dataKey: line.key, name: line.label, type: line.step ? ('stepAfter' as const) : ('linear' as const), stroke: line.color, strokeWidth: 1.5, dot: false, connectNulls: true, isAnimationActive: false };
}

/** One time chart of the monitor: local-time axis, themed colours, a tooltip in the chart's units. */
export const TimeChart = memo(function TimeChart({ rows, lines, domain, width, height, formatValue, valueTicks, at, locale }: TimeChartProps) {
  const span = domain[1] - domain[0];
  // Legend and tooltip list the lines as the chart declares them, not by their translated names.
  const order = (dataKey: unknown) => lines.findIndex((line) => line.key === dataKey);
  return (
    <ComposedChart width={width} height={height} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="time"
        type="number"
        domain={domain}
        ticks={timeTicks(domain[0], domain[1], width)}
        allowDataOverflow
        tickFormatter={(time: number) => formatTick(time, span, locale)}
        stroke="var(--border-strong)"
      />
      <YAxis
        tickFormatter={(value: number) => formatValue(value)}
        stroke="var(--border-strong)"
        width={64}
        allowDecimals={false}
        {...(valueTicks ? { ticks: valueTicks.ticks, domain: [0, valueTicks.top] } : {})}
      />
      <Tooltip
        isAnimationActive={false}
        itemSorter={(item) => order(item.dataKey)}
        labelFormatter={(time) => formatTime(Number(time), locale)}
        formatter={(value) => formatValue(Number(value))}
        contentStyle={{ background: 'var(--bg-elevated)', border: '1px solid var(--border)', borderRadius: '0.3rem', color: 'var(--fg)' }}
        labelStyle={{ color: 'var(--fg-muted)' }}
      />
      <Legend iconType="plainline" itemSorter={(item) => order(item.dataKey)} formatter={(value: string) => (lines.some((line) => line.verbatim && line.label === value) ? <span data-verbatim="">{value}</span> : value)} />
      {lines.map((line) => {
        const series = seriesProps(line);
        return line.area ? <Area key={line.key} {...series} fill={line.color} fillOpacity={0.15} /> : <Line key={line.key} {...series} />;
      })}
      {at !== null && <ReferenceLine x={at} stroke="var(--warning)" strokeWidth={1.5} ifOverflow="extendDomain" />}
    </ComposedChart>
  );
});
