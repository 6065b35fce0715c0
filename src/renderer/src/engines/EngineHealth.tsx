import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import './engines.css';
import { engineCard, engineSummary, type EngineCard } from './model/engine-cards';
import { useEngineStates } from './use-engine-states';
import { LoadFailed } from '../common/LoadFailed';
import { formatClock } from '../common/format';

function sinceText(since: number, _locale: string): string {
  return formatClock(since);
}

function EngineCardView({ card }: { card: EngineCard }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`engine-card engine-border-${card.statusTone}`} data-testid="engine-card" data-status={card.status}>
      <div className="engine-card-head">
        <span className="engine-name" data-verbatim="" title={card.engineId ? t('engines.engineId', { id: card.engineId }) : undefined}>
          {card.name}
        </span>
        <span className={`engine-status engine-tone-${card.statusTone}`} title={t('engines.since', { time: sinceText(card.since, i18n.language) })}>
          <span className="engine-dot" aria-hidden="true" />
          {t(`engines.status.${card.status}`)}
        </span>
      </div>
      {card.url && <div className="engine-url muted" data-verbatim="">
          {card.url}
        </div>}
      <dl className="engine-figures">
        <dt>{t('engines.latency')}</dt>
        <dd className={`engine-tone-${card.latencyTone}`}>{card.latencyMs === null ? '–' : t('engines.ms', { ms: Math.round(card.latencyMs) })}</dd>
        <dt>{t('engines.load')}</dt>
        <dd>
          <span className="engine-load" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={card.loadPercent} aria-label={t('engines.load')}>
            <span className={`engine-load-fill engine-fill-${card.loadTone}`} style={{ width: `${card.loadPercent}%` }} />
          </span>
          <span className="engine-load-text">{t('engines.running', { running: card.running, capacity: card.capacity })}</span>
        </dd>
        {card.skills.length > 0 && (
          <>
            <dt>{t('engines.skills')}</dt>
            <dd data-testid="engine-skills">{card.skills.join(', ')}</dd>
          </>
        )}
      </dl>
      {card.problem && (
        <p className="engine-problem" title={card.problem}>
          {card.refused ? t('engines.refused', { error: card.problem }) : card.problem}
        </p>
      )}
    </li>
  );
}

/** The Engines the console drives: link status, latency and load, live. For the dashboard. */
export const EngineHealth = memo(function EngineHealth({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const { states, failure } = useEngineStates(client);
  const cards = useMemo(() => (states ?? []).map(engineCard), [states]);
  const summary = engineSummary(cards);
  return (
    <section className="engine-health" data-testid="engine-health" aria-labelledby="engine-health-title">
      <header className="engine-health-header">
        <h2 id="engine-health-title">{t('engines.title')}</h2>
        {states && cards.length > 0 && <span className={`engine-summary engine-tone-${summary.tone}`}>{t('engines.summary', { connected: summary.connected, total: summary.total })}</span>}
      </header>
      <LoadFailed failure={failure} message="engines.loadFailed" />
      {!states && !failure && <p className="muted engine-empty">{t('engines.loading')}</p>}
      {states && cards.length === 0 && <p className="muted engine-empty">{t('engines.none')}</p>}
      {cards.length > 0 && (
        <ul className="engine-cards">
          {cards.map((card) => (
            <EngineCardView key={card.key} card={card} />
          ))}
        </ul>
      )}
    </section>
  );
});
