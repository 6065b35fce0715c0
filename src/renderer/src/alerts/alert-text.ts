import { useTranslation } from 'react-i18next';
import { alertDisplayParams } from '../../../shared/alerts/alert-wording';
import type { Alert } from '../../../shared/api/alerts';
import { useReasonWords } from '../i18n/ReasonText';

/** An alert's message in the window's language, from its kind and params (its stored message is English). */
export function useAlertText(): (alert: Pick<Alert, 'kind' | 'params'>) => string {
  const { t } = useTranslation();
  const reasonWords = useReasonWords();
  return (alert) => {
    const words = t(`alerts.wordings.${alert.kind}`, { ...alertDisplayParams(alert.kind, alert.params), interpolation: { escapeValue: false } });
    const detail = alert.params['detail'];
    if (detail === undefined || detail === '') return words;
    const code = alert.params['detailCode'];
    return t('alerts.withDetail', { words, detail: reasonWords(String(detail), code === undefined ? null : String(code)), interpolation: { escapeValue: false } });
  };
}
