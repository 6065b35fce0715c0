import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/ids';
import type { TaskSummary } from '../../../shared/task/views';
import { formatTime } from '../common/format';
import type { Candidates } from './model/compare-view';

function Option({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  return (
    <option value={task.taskId} data-verbatim="">
      {`${task.name} #${task.taskId} · ${t(`monitor.status.${task.status}`)} · ${formatTime(task.createdAt)}`}
    </option>
  );
}

/** Which task one side of the comparison is; the runs of the other side's workflow come first. */
export function RunPicker({ side, value, candidates, onPick }: { side: 'a' | 'b'; value: Id | null; candidates: Candidates; onPick: (taskId: Id | null) => void }) {
  const { t } = useTranslation();
  return (
    <label className="compare-picker">
      <span className={`compare-side compare-side-${side}`}>{t(`compare.side.${side}`)}</span>
      <select value={value ?? ''} data-testid={`compare-pick-${side}`} onChange={(event) => onPick(event.target.value === '' ? null : event.target.value)}>
        <option value="">{t('compare.pickRun')}</option>
        {candidates.sameWorkflow.length > 0 && (
          <optgroup label={t('compare.sameWorkflow')}>
            {candidates.sameWorkflow.map((task) => (
              <Option key={task.taskId} task={task} />
            ))}
          </optgroup>
        )}
        {candidates.others.length > 0 && (
          <optgroup label={t('compare.otherRuns')}>
            {candidates.others.map((task) => (
              <Option key={task.taskId} task={task} />
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
