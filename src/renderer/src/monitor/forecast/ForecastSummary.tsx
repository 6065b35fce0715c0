import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { TaskDetail } from '../../../../shared/task/views';
import { formatClock, formatMoment, useFormatDuration } from '../../common/format';
import { finishBasis } from './forecast-model';
import { useNow } from '../../common/use-now';
import { useForecast } from './use-forecast';
import './forecast.css';

/**
 * The header's forecast: when the task is expected to end (p50 and p90), what that rests on,
 * and its deadline if it has one, marked when the p90 passes it. Live only; a replay shows the
 * run as it was, not a forecast.
 */
export function ForecastSummary({ client, task, at }: { client: ConsoleClient; task: TaskDetail; at: number | null }) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const model = useForecast(client, task, at);
  const clock = useNow(false);
  const deadline = task.deadline ?? null;
  if (!model && deadline === null) return null;
  const now = model?.view.computedAt ?? at ?? clock;
  const basis = model ? finishBasis(model.view) : null;
  const lateMs = model && deadline !== null ? model.view.finish.p90 - deadline : null;
  return (
    <div className="forecast-summary" data-testid="forecast-summary">
      {model && basis && (
        <div className="forecast-finish" title={t('forecast.finishHint')}>
          <span className="muted">{t('forecast.finish')}</span>{' '}
          <strong className="numeric" data-testid="forecast-finish" data-p50={model.view.finish.p50} data-p90={model.view.finish.p90}>
            {t('forecast.finishRange', { p50: formatClock(model.view.finish.p50), p90: formatClock(model.view.finish.p90) })}
          </strong>{' '}
          <span className="forecast-basis muted" data-testid="forecast-basis" data-basis={basis.basis.kind}>
            {basis.basis.kind === 'history' ? t('forecast.basis.history', { count: basis.basis.runs }) : t(`forecast.basis.${basis.basis.kind}`)}
            {basis.unknown > 0 && basis.basis.kind !== 'unknown' && ` · ${t('forecast.unknownAgents', { count: basis.unknown })}`}
          </span>
        </div>
      )}
      {deadline !== null && (
        <div className={`forecast-deadline${lateMs !== null && lateMs > 0 ? ' is-late' : ''}`} data-testid="task-deadline" data-late={lateMs !== null && lateMs > 0}>
          <span className="muted">{t('forecast.deadline')}</span> <strong className="numeric">{formatMoment(deadline, undefined, now)}</strong>
          {lateMs !== null && <span> · {lateMs > 0 ? t('forecast.deadlineLate', { late: formatDuration(lateMs) }) : t('forecast.deadlineInside')}</span>}
        </div>
      )}
    </div>
  );
}
