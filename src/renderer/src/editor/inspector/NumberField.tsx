import { useState } from 'react';
import { Field } from './Field';

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  testId: string;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  hint?: string;
  placeholder?: string;
}

/** A number that may be left empty (the setting is then absent); out-of-range text is not applied. */
export function NumberField({ label, value, onChange, testId, min, max, step, integer = true, hint, placeholder }: NumberFieldProps) {
  const [draft, setDraft] = useState<{ text: string; base: number | undefined }>({ text: value === undefined ? '' : String(value), base: value });
  if (draft.base !== value) setDraft({ text: value === undefined ? '' : String(value), base: value });
  const parsed = draft.text.trim() === '' ? undefined : Number(draft.text);
  const valid = parsed === undefined || (Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) && (min === undefined || parsed >= min) && (max === undefined || parsed <= max));
  return (
    <Field label={label} hint={hint} error={valid ? undefined : `${min ?? ''} … ${max ?? ''}`}>
      <input
        type="number"
        inputMode="numeric"
        value={draft.text}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        placeholder={placeholder}
        aria-invalid={!valid}
        data-testid={testId}
        onChange={(event) => {
          const text = event.target.value;
          const next = text.trim() === '' ? undefined : Number(text);
          const ok = next === undefined || (Number.isFinite(next) && (!integer || Number.isInteger(next)) && (min === undefined || next >= min) && (max === undefined || next <= max));
          setDraft({ text, base: ok ? next : value });
          if (ok) onChange(next);
        }}
      />
    </Field>
  );
}
