import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from '../../../../shared/task/nodes';
import type { ExecutionView } from '../../../../shared/task/views';
import { useFormatDuration } from '../../common/format';
import { rowBars } from './timeline-model';
import { timeToX, type TimeWindow } from './timeline-scale';

interface TimelineRowProps {
  nodeId: string;
  view: NodeView | undefined;
  executions: readonly ExecutionView[] | undefined;
  window: TimeWindow;
  width: number;
  moment: number;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (nodeId: string) => void;
  /** On the forecast's critical path, and how long it may slip (forecast-model.ts). */
  critical?: boolean;
  slackMs?: number | null | undefined;
}

/** Narrower than this, a bar is drawn without its batch number. */
const LABEL_MIN_PX = 26;

/** One agent: its name, and a bar per execution across the strip. */
export const TimelineRow = memo(function TimelineRow({ nodeId, view, executions, window, width, moment, selected, top, height, onSelect, critical = false, slackMs }: TimelineRowProps) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const bars = rowBars(executions, moment);
  const name = view?.name ?? nodeId;
  return (
    <div className={`tl-row${selected ? ' is-selected' : ''}${critical ? ' is-critical' : ''}`} style={{ transform: `translateY(${top}px)`, height }} data-testid={`timeline-row-${nodeId}`}>
      <button type="button" className="tl-label" style={{ paddingLeft: `${0.5 + Math.max(0, (view?.level ?? 1) - 1) * 0.75}rem` }} onClick={() => onSelect(nodeId)} aria-pressed={selected} title={slackMs == null ? name : `${name} · ${t('forecast.rowTitle', { slack: formatDuration(slackMs) })}`}>
        <span className={`tl-label-dot tl-node-${view?.status ?? 'pending'}`} aria-hidden="true" />
        <span className="tl-label-text" data-verbatim="">
          {name}
        </span>
      </button>
      <svg className="tl-strip" width={width} height={height} role="group" aria-label={t('timeline.rowLabel', { name, count: bars.length })}>
        {bars.map((bar) => {
          const x1 = Math.max(-2, timeToX(bar.start, window, width));
          const x2 = Math.min(width + 2, timeToX(bar.end, window, width));
          if (x2 < 0 || x1 > width) return null;
          const barWidth = Math.max(2, x2 - x1);
          const title = t('timeline.barTitle', {
            batch: bar.batch,
            status: t(`timeline.execution.${bar.status}`),
            duration: formatDuration(bar.end - bar.start),
            engine: bar.engineId ?? '—',
          });
          return (
            <g key={bar.batch} className={`tl-bar tl-bar-${bar.status}${bar.open ? ' is-open' : ''}`} onClick={() => onSelect(nodeId)} data-batch={bar.batch}>
              <title>{title}</title>
              <rect x={x1} y={4} width={barWidth} height={height - 8} rx={3} />
              {barWidth >= LABEL_MIN_PX && (
                <text x={x1 + 4} y={height / 2} dominantBaseline="central" className="tl-bar-label">
                  {t('timeline.batch', { batch: bar.batch })}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
});
