import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { ClockChangeView } from '../../../../shared/clock/clock-view';
import { formatRate, formatTaskTime } from '../../../../shared/clock/format-task-time';
import { timeToX, type TimeWindow } from './timeline-scale';
import './clock-marks.css';

const REFRESH_MS = 5000;

/** What a mark shows of a change: pause, resume, the new rate or the step. */
function markText(change: ClockChangeView): string {
  switch (change.action) {
    case 'pause':
      return '‖';
    case 'resume':
      return '▶';
    case 'rate':
      return formatRate(change.new.rate);
    case 'step':
      return `+${formatTaskTime(change.stepMs ?? 0)}`;
  }
}

/** The exercise clock's changes as marks on the timeline's axis, each at the moment it was made. */
export function ClockMarks({ client, taskId, window, width, live }: { client: ConsoleClient; taskId: string; window: TimeWindow; width: number; live: boolean }) {
  const { t } = useTranslation();
  const [changes, setChanges] = useState<ClockChangeView[]>([]);
  useEffect(() => {
    const read = () => void client.getTaskClock(taskId).then((clock) => setChanges(clock.changes), () => undefined);
    read();
    if (!live) return;
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, [client, taskId, live]);
  return (
    <>
      {changes.map((change, index) => {
        const x = timeToX(change.atMs, window, width);
        if (x < 0 || x > width) return null;
        return (
          <div
            key={`${change.atMs}-${index}`}
            className="tl-clock-mark"
            style={{ left: x }}
            data-testid="timeline-clock-mark"
            data-action={change.action}
            title={t(`timeline.clock.${change.action}`, { operator: change.operator ?? '—', rate: formatRate(change.new.rate), time: formatTaskTime(change.taskTimeMs) })}
          >
            {markText(change)}
          </div>
        );
      })}
    </>
  );
}
