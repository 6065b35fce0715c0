import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { TaskDetail } from '../../../../shared/task/views';
import { formatClock, useFormatDuration } from '../../common/format';
import { useForecast } from './use-forecast';
import './forecast.css';

/** A node's part in the forecast, in its detail: when it is expected to end, its slack, whether it is critical. */
export function NodeForecastFacts({ client, task, at, nodeId }: { client: ConsoleClient; task: TaskDetail; at: number | null; nodeId: string }) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const model = useForecast(client, task, at);
  const node = model?.byNode.get(nodeId);
  if (!model || !node || node.outlook === 'ended' || node.outlook === 'skipped') return null;
  const critical = model.critical.has(nodeId);
  return (
    <dl className="tree-facts forecast-facts" data-testid="node-forecast">
      <div className="tree-fact">
        <dt>{t('forecast.expectedEnd')}</dt>
        <dd className="numeric">{t('forecast.finishRange', { p50: formatClock(node.end.p50), p90: formatClock(node.end.p90) })}</dd>
      </div>
      <div className="tree-fact">
        <dt>{t('forecast.slack')}</dt>
        <dd data-testid="node-slack">{node.slackMs === null ? t('forecast.slackNone') : formatDuration(node.slackMs)}</dd>
      </div>
      <div className="tree-fact is-wide">
        <dt>{t('forecast.critical')}</dt>
        <dd className={critical ? 'is-critical' : undefined} data-testid="node-critical" data-critical={critical}>
          {critical ? t('forecast.criticalYes') : t('forecast.criticalNo')}
        </dd>
      </div>
    </dl>
  );
}
