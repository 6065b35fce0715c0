import { useTranslation } from 'react-i18next';
import type { RetryPolicy } from '../../../../shared/workflow/definition';
import { NumberField } from './NumberField';

interface RetryFieldsProps {
  retry: RetryPolicy | undefined;
  /** The retries the node's kind gives it while it sets none; without a kind, none. */
  defaultRetries?: number | undefined;
  onChange: (retry: RetryPolicy | undefined) => void;
  testId: string;
}

/**
 * Retries and their backoff. Emptied, the setting is absent (the kind's default, or none);
 * 0 is absent too unless the kind's default would retry, which it then overrides.
 */
export function RetryFields({ retry, defaultRetries, onChange, testId }: RetryFieldsProps) {
  const { t } = useTranslation();
  const backoff = retry?.backoff;
  const withBackoff = (patch: Partial<NonNullable<RetryPolicy['backoff']>>) =>
    retry && onChange({ ...retry, backoff: { initialMs: 1000, factor: 2, maxMs: 60_000, ...backoff, ...patch } });
  return (
    <fieldset className="field-group">
      <legend>{t('inspector.retry.title')}</legend>
      <NumberField
        label={t('inspector.retry.maxRetries')}
        value={retry?.maxRetries}
        min={0}
        max={100}
        testId={`${testId}-max`}
        placeholder={defaultRetries === undefined ? '0' : t('inspector.kindDefault', { value: String(defaultRetries) })}
        onChange={(maxRetries) => onChange(maxRetries === undefined || (maxRetries === 0 && !defaultRetries) ? undefined : { ...retry, maxRetries })}
      />
      {retry && (
        <div className="field-row">
          <NumberField label={t('inspector.retry.initialMs')} value={backoff?.initialMs} min={0} max={86_400_000} testId={`${testId}-initial`} placeholder="1000" onChange={(initialMs) => withBackoff({ initialMs: initialMs ?? 1000 })} />
          <NumberField label={t('inspector.retry.factor')} value={backoff?.factor} min={1} max={10} integer={false} testId={`${testId}-factor`} placeholder="2" onChange={(factor) => withBackoff({ factor: factor ?? 2 })} />
          <NumberField label={t('inspector.retry.maxMs')} value={backoff?.maxMs} min={0} max={86_400_000} testId={`${testId}-max-ms`} placeholder="60000" onChange={(maxMs) => withBackoff({ maxMs: maxMs ?? 60_000 })} />
        </div>
      )}
    </fieldset>
  );
}
