import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskPanelProps } from '../task-panels/task-panel';
import './charts.css';
import { buildChartData } from './model/chart-data';
import { chartHeight, chartLayout } from './model/chart-layout';
import { byteTicks, formatBytes, formatPercent } from './model/format-units';
import { maxValue } from './model/merge-series';
import { TimeChart, type ChartLine } from './TimeChart';
import { useChartSources } from './use-chart-sources';
import { useElementWidth } from './use-element-width';
import { LoadFailed } from '../common/LoadFailed';

const ENGINE_COLORS = ['var(--accent)', 'var(--kind-sim)', 'var(--kind-process)', 'var(--kind-manual)', 'var(--kind-http)', 'var(--warning)'];
const formatCount = (value: number) => String(Math.round(value));

interface ChartCardProps {
  title: string;
  wide?: boolean;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | null;
  chart: (width: number, height: number) => ReactNode;
}

/** A titled card whose chart takes the card's measured width. */
function ChartCard({ title, wide, empty, chart }: ChartCardProps) {
  const [bodyRef, width] = useElementWidth<HTMLDivElement>();
  return (
    <section className={`chart-card${wide ? ' chart-card-wide' : ''}`}>
      <h3 className="chart-title">{title}</h3>
      <div className="chart-body" ref={bodyRef}>
        {empty ? <p className="chart-empty muted">{empty}</p> : width > 0 && chart(width, wide ? chartHeight(width / 2) : chartHeight(width))}
      </div>
    </section>
  );
}

/**
 * The task's resource and progress charts: total CPU and memory (and the selected agent's),
 * its Engines' hosts, and nodes ended over time; live, or up to the replay moment.
 */
export const ResourceCharts = memo(function ResourceCharts({ client, task, nodes, at, selectedNodeId }: TaskPanelProps) {
  const { t, i18n } = useTranslation();
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>();
  const layout = chartLayout(gridWidth);
  const selected = selectedNodeId === null ? undefined : nodes.byId.get(selectedNodeId);
  const agent = selected?.nodeType === 'agent' ? selected : null;
  const state = useChartSources(client, task, agent?.nodeId ?? null, at, layout.points);
  const current = state.taskId === task.taskId;
  const { sources, window: range, failure } = current ? state : { sources: null, window: null, failure: null };
  const data = useMemo(() => (sources && range ? buildChartData(sources, range, at) : null), [sources, range, at]);
  const domain = useMemo<[number, number]>(() => (range ? [range.from, range.axisEnd] : [0, 1]), [range]);

  const nodeLabel = agent ? t('charts.node', { name: agent.name ?? agent.nodeId }) : null;
  const ownLines: ChartLine[] = [
    { key: 'task', label: t('charts.taskTotal'), color: 'var(--accent)', area: true },
    ...(agent && data?.hasNodeSamples ? [{ key: 'node', label: nodeLabel ?? '', color: 'var(--kind-manual)' }] : []),
  ];
  const engineLines: ChartLine[] = (data?.engineKeys ?? []).map(({ key, label }, index) => ({ key, label, color: ENGINE_COLORS[index % ENGINE_COLORS.length]!, verbatim: true }));
  const progressLines: ChartLine[] = [
    { key: 'completed', label: t('charts.completed'), color: 'var(--status-completed)', area: true, step: true },
    { key: 'failed', label: t('charts.failed'), color: 'var(--status-failed)', step: true },
    { key: 'skipped', label: t('charts.skipped'), color: 'var(--status-skipped)', step: true },
  ];
  const common = { domain, at, locale: i18n.language };
  const memoryTicks = data ? byteTicks(maxValue(data.memory, ['task', 'node'])) : undefined;
  const engineMemoryTicks = data ? byteTicks(maxValue(data.engineMemory, engineLines.map((line) => line.key))) : undefined;
  const noSamples = t('charts.noSamples');

  return (
    <div className="tab-column charts" data-testid="resource-charts">
      <LoadFailed failure={failure} message="charts.loadFailed" />
      {agent && data && !data.hasNodeSamples && <p className="charts-note muted">{t('charts.nodeNoSamples', { name: agent.name ?? agent.nodeId })}</p>}
      <div className="charts-grid" ref={gridRef} style={{ gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))` }}>
        {!data ? (
          !failure && <p className="chart-empty muted">{t('charts.loading')}</p>
        ) : (
          gridWidth > 0 && (
            <>
              <ChartCard title={t('charts.progress')} wide={layout.columns > 1} empty={data.hasProgress ? null : noSamples} chart={(width, height) => <TimeChart {...common} width={width} height={height} rows={data.progress} lines={progressLines} formatValue={formatCount} />} />
              <ChartCard title={t('charts.cpu')} empty={data.hasTaskSamples ? null : noSamples} chart={(width, height) => <TimeChart {...common} width={width} height={height} rows={data.cpu} lines={ownLines} formatValue={formatPercent} />} />
              <ChartCard title={t('charts.memory')} empty={data.hasTaskSamples ? null : noSamples} chart={(width, height) => <TimeChart {...common} width={width} height={height} rows={data.memory} lines={ownLines} formatValue={formatBytes} valueTicks={memoryTicks} />} />
              {data.hasEngineSamples ? (
                <>
                  <ChartCard title={t('charts.engineCpu')} empty={null} chart={(width, height) => <TimeChart {...common} width={width} height={height} rows={data.engineCpu} lines={engineLines} formatValue={formatPercent} />} />
                  <ChartCard title={t('charts.engineMemory')} empty={null} chart={(width, height) => <TimeChart {...common} width={width} height={height} rows={data.engineMemory} lines={engineLines} formatValue={formatBytes} valueTicks={engineMemoryTicks} />} />
                </>
              ) : (
                <ChartCard
                  title={t('charts.engineHosts')}
                  wide={layout.columns > 1}
                  empty={task.engineIds.length === 0 ? t('charts.noEngines') : t('charts.noEngineSamples', { engines: task.engineIds.join(', ') })}
                  chart={() => null}
                />
              )}
            </>
          )
        )}
      </div>
    </div>
  );
});
