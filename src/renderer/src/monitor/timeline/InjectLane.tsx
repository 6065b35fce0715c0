import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { TaskSummary } from '../../../../shared/task/views';
import { formatClock } from '../../common/format';
import { injectMarks } from '../injects/inject-lane-model';
import { useInjects } from '../injects/use-injects';
import { timeToX, type TimeWindow } from './timeline-scale';
import './inject-lane.css';

/** The injects lane under the axis: planned injects at their moment, fired and failed ones where they fired. */
export const InjectLane = memo(function InjectLane({ client, task, window, width, live }: { client: ConsoleClient; task: TaskSummary; window: TimeWindow; width: number; live: boolean }) {
  const { t } = useTranslation();
  const { injects } = useInjects(client, task.taskId, live);
  const marks = useMemo(() => injectMarks(injects ?? [], task.startTime), [injects, task.startTime]);
  if (!injects || injects.length === 0) return null;
  return (
    <div className="tl-injects" data-testid="inject-lane" data-marks={marks.length}>
      <div className="tl-injects-label" title={t('injects.laneHint')}>
        {t('injects.lane')}
      </div>
      <div className="tl-injects-strip" style={{ width }}>
        {marks.map((mark) => {
          const x = timeToX(mark.at, window, width);
          if (x < 0 || x > width) return null;
          return (
            <div
              key={mark.id}
              className={`tl-inject-mark tl-inject-${mark.state}`}
              style={{ left: x }}
              data-testid="inject-mark"
              data-inject-id={mark.id}
              data-state={mark.state}
              title={t('injects.markTitle', { name: mark.name ?? mark.id, state: t(`injects.state.${mark.state}`), time: formatClock(mark.at) })}
            >
              <span data-verbatim="">{mark.name ?? mark.id}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
});
