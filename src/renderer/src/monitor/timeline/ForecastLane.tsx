import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, useFormatDuration } from '../../common/format';
import type { TaskNodes } from '../../task-panels/task-panel';
import { laneLayout, type ForecastModel } from '../forecast/forecast-model';
import { timeToX, type TimeWindow } from './timeline-scale';
import './forecast-lane.css';

const SUB_ROW_PX = 12;
const PAD_PX = 4;

/**
 * The forecast lane under the axis: the agents not started yet, each from its expected start to
 * its expected end (p50) with a whisker to its p90 end, critical ones marked. Shown while the
 * task has a forecast: before it starts and while it runs.
 */
export const ForecastLane = memo(function ForecastLane({ model, nodes, window, width }: { model: ForecastModel | null; nodes: TaskNodes; window: TimeWindow; width: number }) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const layout = useMemo(() => (model ? laneLayout(model) : null), [model]);
  if (!model || !layout) return null;
  const height = Math.max(1, layout.rows) * SUB_ROW_PX + 2 * PAD_PX;
  const x = (time: number) => Math.min(width + 2, Math.max(-2, timeToX(time, window, width)));
  return (
    <div className="tl-forecast" data-testid="forecast-lane" data-bars={layout.bars.length}>
      <div className="tl-forecast-label" title={t('forecast.laneHint')}>
        {t('forecast.lane')}
        {layout.bars.length === 0 && <span className="muted"> · {t('forecast.laneEmpty')}</span>}
      </div>
      <svg className="tl-forecast-strip" width={width} height={height} role="group" aria-label={t('forecast.laneHint')}>
        {layout.bars.map((bar) => {
          const x1 = x(bar.start);
          const x2 = x(bar.end);
          const x3 = x(bar.endP90);
          if (x3 < 0 || x1 > width) return null;
          const y = PAD_PX + bar.row * SUB_ROW_PX;
          const name = nodes.byId.get(bar.nodeId)?.name ?? bar.nodeId;
          const title =
            t('forecast.barTitle', { name, start: formatClock(bar.start), end: formatClock(bar.end), endP90: formatClock(bar.endP90), slack: bar.slackMs === null ? '—' : formatDuration(bar.slackMs) }) +
            (bar.critical ? t('forecast.criticalMark') : '');
          return (
            <g key={bar.nodeId} className={`tl-forecast-bar${bar.critical ? ' is-critical' : ''}`} data-node-id={bar.nodeId}>
              <title>{title}</title>
              <line x1={x2} x2={x3} y1={y + SUB_ROW_PX / 2 - 1} y2={y + SUB_ROW_PX / 2 - 1} className="tl-forecast-whisker" />
              <line x1={x3} x2={x3} y1={y + 2} y2={y + SUB_ROW_PX - 4} className="tl-forecast-whisker" />
              <rect x={x1} y={y + 1} width={Math.max(2, x2 - x1)} height={SUB_ROW_PX - 4} rx={2} />
            </g>
          );
        })}
      </svg>
    </div>
  );
});
