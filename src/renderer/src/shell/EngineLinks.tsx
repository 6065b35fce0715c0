import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { EngineState } from '../../../shared/engine/engine-state';
import { engineCard, engineSummary } from '../engines/model/engine-cards';

/**
 * The status bar's Engines: how many are connected, and by name those that are not, on every
 * screen, so an Engine that goes away is seen wherever the operator is looking.
 */
export function EngineLinks({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const [states, setStates] = useState<EngineState[] | null>(null);
  useEffect(() => {
    let active = true;
    // Each engineStatus event carries every Engine's state; a listing asked for earlier is older.
    let heard = 0;
    const list = () => {
      const asked = heard;
      client.listEngines().then(
        (listed) => active && heard === asked && setStates(listed),
        () => undefined,
      );
    };
    const off = client.subscribe(
      'engineStatus',
      (next) => {
        heard += 1;
        setStates(next);
      },
      list,
    );
    list();
    return () => {
      active = false;
      off();
    };
  }, [client]);
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
