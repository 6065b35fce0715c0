import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { engineCard, engineSummary } from '../engines/model/engine-cards';
import { useEngineStates } from '../engines/use-engine-states';

/**
 * The status bar's Engines: how many are connected, and by name those that are not, on every
 * screen, so an Engine that goes away is seen wherever the operator is looking.
 */
export function EngineLinks({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const { states } = useEngineStates(client);
  const cards = useMemo(() => (states ?? []).map(engineCard), [states]);
  if (cards.length === 0) return null;
  const summary = engineSummary(cards);
  const away = cards.filter((card) => card.status !== 'connected');
  return (
    <span className={`engine-links engine-links-${summary.tone}`} data-testid="engine-links" data-connected={summary.connected} data-total={summary.total}>
      {t('engineLinks.summary', { connected: summary.connected, total: summary.total })}
      {away.length > 0 && (
        <span className="engine-links-away" role="status" title={away.map((card) => `${card.name}: ${card.problem ?? t(`engines.status.${card.status}`)}`).join('\n')}>
          {away.map((card) => t('engineLinks.away', { name: card.name, status: t(`engines.status.${card.status}`) })).join(t('engineLinks.separator'))}
        </span>
      )}
    </span>
  );
}
