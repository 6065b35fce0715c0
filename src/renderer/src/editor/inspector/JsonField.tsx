import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { errorMessage } from '../../common/error-message';

interface JsonFieldProps {
  label: string;
  value: Record<string, unknown> | undefined;
  onChange: (value: Record<string, unknown> | undefined) => void;
  testId: string;
  hint?: React.ReactNode;
  rows?: number;
}

function format(value: Record<string, unknown> | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/**
 * A JSON object typed as text: each edit that parses to an object is applied at once; text
 * that does not parse stays in the box with the reason, and the document keeps its last
 * good value. An undo or another selection replaces the text with the document's value.
 */
export function JsonField({ label, value, onChange, testId, hint, rows = 6 }: JsonFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ text: string; base: Record<string, unknown> | undefined }>(() => ({ text: format(value), base: value }));
  const [error, setError] = useState<string | undefined>();
  if (draft.base !== value) {
    setDraft({ text: format(value), base: value });
    setError(undefined);
  }
  const change = (text: string) => {
    if (text.trim() === '') {
      setError(undefined);
      setDraft({ text, base: undefined });
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        setDraft({ text, base: value });
        setError(t('inspector.json.notObject'));
        return;
      }
      setError(undefined);
      setDraft({ text, base: parsed as Record<string, unknown> });
      onChange(parsed as Record<string, unknown>);
    } catch (reason) {
      setDraft({ text, base: value });
      setError(t('inspector.json.invalid', { reason: errorMessage(t, reason) }));
    }
  };
  return (
    <Field label={label} hint={hint} error={error}>
      <textarea
        className="code-input"
        rows={rows}
        spellCheck={false}
        value={draft.text}
        onChange={(event) => change(event.target.value)}
        aria-invalid={error !== undefined}
        data-testid={testId}
      />
    </Field>
  );
}
