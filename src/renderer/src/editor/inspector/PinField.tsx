import { useTranslation } from 'react-i18next';
import type { Pin } from '../../../../shared/workflow/definition';
import { Field } from './Field';
import { NumberField } from './NumberField';

type PinMode = 'none' | 'at' | 'delay';

function modeOf(pin: Pin | undefined): PinMode {
  if (!pin) return 'none';
  return 'at' in pin ? 'at' : 'delay';
}

/** ISO time to the value of a datetime-local input, in the user's time zone. */
function toLocalInput(at: string | number): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Start not before a time, or a delay after the task starts. */
export function PinField({ pin, onChange, testId }: { pin: Pin | undefined; onChange: (pin: Pin | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  const mode = modeOf(pin);
  return (
    <fieldset className="field-group">
      <legend>{t('inspector.pin.title')}</legend>
      <Field label={t('inspector.pin.mode')}>
        <select
          value={mode}
          data-testid={`${testId}-mode`}
          onChange={(event) => {
            const next = event.target.value as PinMode;
            if (next === 'none') onChange(undefined);
            else if (next === 'delay') onChange({ delayMs: 60_000 });
            else onChange({ at: new Date(Date.now() + 3_600_000).toISOString() });
          }}
        >
          <option value="none">{t('inspector.pin.none')}</option>
          <option value="at">{t('inspector.pin.at')}</option>
          <option value="delay">{t('inspector.pin.delay')}</option>
        </select>
      </Field>
      {pin && 'at' in pin && (
        <Field label={t('inspector.pin.atLabel')}>
          <input
            type="datetime-local"
            value={toLocalInput(pin.at)}
            data-testid={`${testId}-at`}
            onChange={(event) => {
              const date = new Date(event.target.value);
              if (!Number.isNaN(date.getTime())) onChange({ at: date.toISOString() });
            }}
          />
        </Field>
      )}
      {pin && 'delayMs' in pin && (
        <NumberField
          label={t('inspector.pin.delaySeconds')}
          value={pin.delayMs / 1000}
          min={0}
          integer={false}
          testId={`${testId}-delay`}
          onChange={(seconds) => onChange({ delayMs: Math.round((seconds ?? 0) * 1000) })}
        />
      )}
    </fieldset>
  );
}
