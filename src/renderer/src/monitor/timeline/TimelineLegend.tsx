import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExecutionStatus } from '../../../../shared/status';

/** The execution statuses a bar can end in (pending and initializing executions are never drawn). */
const SHOWN: readonly ExecutionStatus[] = ['running', 'completed', 'failed', 'timeout', 'stopped'];

export const TimelineLegend = memo(function TimelineLegend() {
  const { t } = useTranslation();
  return (
    <ul className="tl-legend" aria-label={t('timeline.legend')}>
      {SHOWN.map((status) => (
        <li key={status}>
          <span className={`tl-swatch tl-bar-${status}`} aria-hidden="true" />
          {t(`timeline.execution.${status}`)}
        </li>
      ))}
    </ul>
  );
});
