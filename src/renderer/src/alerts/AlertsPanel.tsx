import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import type { TaskPanelProps } from '../task-panels/task-panel';
import { AlertRow } from './AlertRow';
import './alerts.css';
import { alertKey, alertsForTask } from './model/alert-list';
import { formatPercent } from '../common/format';
import { executionTimeAt, failureRateLevel, performanceLevel, healthFromNodes, RISK_LEVEL_TONE, scoreLevel, worseLevel } from './model/health-level';
import { alertsStoreFor } from './alerts-store';
import { useAlerts } from './use-alerts';
import { useNow } from '../common/use-now';
import { useTaskHealth } from './use-task-health';
import { LoadFailed } from '../common/LoadFailed';

/**
 * A task's health as the IT-ops design analyses it (health and performance scores, risk level,
 * failure rate, recommendations; coloured by the alert thresholds) and its alerts, newest
 * first; a node's alert selects that node.
 */
export const AlertsPanel = memo(function AlertsPanel({ client, task, nodes, at, onSelectNode, canControl }: TaskPanelProps) {
  const { t } = useTranslation();
  const { alerts, settings, failure } = useAlerts(client);
  const live = at === null;
  const fetched = useTaskHealth(client, task.taskId, live);
  // While replaying, the core's figure (always "now") would not match the moment shown.
  const replayed = useMemo(() => (at === null ? null : healthFromNodes(task.taskId, nodes.byId.values(), executionTimeAt(task, at))), [task, nodes, at]);
  const core = fetched.health?.taskId === task.taskId ? fetched.health : null;
  const health = live ? core : replayed;
  const thresholds = settings ?? DEFAULT_SETTINGS.alerts;
  const mine = useMemo(() => alertsForTask(alerts, task.taskId, at), [alerts, task.taskId, at]);
  const now = useNow(true, 60_000);
  const problem = failure ?? (live ? fetched.failure : null);
  const acknowledge = (id: string) => alertsStoreFor(client).acknowledge(id);

  const score = health ? scoreLevel(health.healthScore, thresholds) : 'ok';
  const rate = health ? failureRateLevel(health.failureRate, thresholds) : 'ok';
  const performance = health ? performanceLevel(health.performanceScore) : 'ok';
  return (
    <div className="tab-column alerts-panel" data-testid="alerts-panel">
      <LoadFailed failure={problem} message="alerts.loadFailed" />
      <section className={`health-summary health-${worseLevel(score, rate)}`} aria-label={t('alerts.health.title')}>
        <div className="health-figure">
          <span className="health-label">{t('alerts.health.score')}</span>
          <span className={`health-score level-${score}`} data-testid="health-score">
            {health ? health.healthScore : '–'}
          </span>
          <span className="health-threshold muted">{t('alerts.health.scoreThreshold', { threshold: thresholds.healthScoreThreshold })}</span>
        </div>
        <div className="health-figure">
          <span className="health-label">{t('alerts.health.failureRate')}</span>
          <span className={`health-rate level-${rate}`} data-testid="failure-rate">
            {health ? formatPercent(health.failureRate) : '–'}
          </span>
          <span className="health-threshold muted">{t('alerts.health.rateThreshold', { threshold: formatPercent(thresholds.failureRateThreshold) })}</span>
        </div>
        <div className="health-figure">
          <span className="health-label">{t('alerts.health.performance')}</span>
          <span className={`health-score level-${performance}`} data-testid="performance-score">
            {health ? Math.round(health.performanceScore) : '–'}
          </span>
        </div>
        <div className="health-figure">
          <span className="health-label">{t('alerts.health.risk')}</span>
          <span className={`health-risk level-${health ? RISK_LEVEL_TONE[health.riskLevel] : 'ok'}`} data-testid="risk-level">
            {health ? t(`alerts.risk.${health.riskLevel}`) : '–'}
          </span>
        </div>
        {health && health.recommendations.length > 0 && (
          <ul className="health-recommendations" data-testid="health-recommendations">
            {health.recommendations.map((key) => (
              <li key={key}>{t(`alerts.recommendations.${key}`)}</li>
            ))}
          </ul>
        )}
        {health && (
          <dl className="health-counts">
            <dt>{t('alerts.health.ended')}</dt>
            <dd>{health.ended}</dd>
            <dt>{t('alerts.health.failed')}</dt>
            <dd>{health.failed}</dd>
            <dt>{t('alerts.health.timedOut')}</dt>
            <dd>{health.timedOut}</dd>
          </dl>
        )}
        <span className={`health-verdict level-${worseLevel(score, rate)}`}>{t(`alerts.levels.${worseLevel(score, rate)}`)}</span>
      </section>
      <h3 className="alerts-heading">
        {t('alerts.taskAlerts')} <span className="muted">({mine.length})</span>
      </h3>
      {mine.length === 0 ? (
        <p className="alerts-empty muted">{live ? t('alerts.noneForTask') : t('alerts.noneByThen')}</p>
      ) : (
        <ul className="alert-list">
          {mine.map((alert) => (
            <AlertRow key={alertKey(alert)} alert={alert} now={now} onAcknowledge={canControl ? acknowledge : undefined} onChoose={alert.nodeId ? () => onSelectNode(alert.nodeId) : undefined} />
          ))}
        </ul>
      )}
    </div>
  );
});
