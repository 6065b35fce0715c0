import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLogicText, type LogicCheck } from '../model/logic-check';
import { describeLogic } from '../model/logic-preview';
import { Field } from './Field';
import { useFieldDrafts } from './field-drafts';

interface LogicFieldProps {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  testId: string;
  placeholder: string;
  /** The node the expression belongs to, and where inside it: what the problems list names. */
  nodeId: string;
  path: (string | number)[];
}

function format(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function errorText(t: (key: string, options?: Record<string, unknown>) => string, check: LogicCheck): string | undefined {
  if (check.ok) return undefined;
  if (check.error === 'syntax') return t('inspector.logic.syntax', { reason: check.detail });
  if (check.error === 'operator') return t('inspector.logic.operator', { operator: check.detail });
  return t('inspector.logic.shape');
}

/**
 * A JSON Logic expression, checked as it is typed, with a readable preview of what it says.
 * Text that is not a valid expression stays in the box, marked, and in the problems list (so
 * saving and starting are refused) until it is fixed; the document keeps its last good value.
 */
export function LogicField({ label, value, onChange, testId, placeholder, nodeId, path }: LogicFieldProps) {
  const { t } = useTranslation();
  const drafts = useFieldDrafts();
  const draftKey = `${nodeId}.${path.join('.')}`;
  const [draft, setDraft] = useState<{ text: string; base: unknown }>(() => ({ text: drafts.get(draftKey)?.text ?? format(value), base: value }));
  if (draft.base !== value) setDraft({ text: format(value), base: value });
  // A new value from elsewhere (an undo) replaces whatever text was refused.
  const shownValue = useRef(value);
  useEffect(() => {
    if (shownValue.current === value) return;
    shownValue.current = value;
    drafts.set(draftKey, undefined);
  }, [value, drafts, draftKey]);
  const check = checkLogicText(draft.text);
  const change = (text: string) => {
    const next = checkLogicText(text);
    if (next.ok) {
      drafts.set(draftKey, undefined);
      setDraft({ text, base: next.value });
      onChange(next.value);
      return;
    }
    setDraft({ text, base: value });
    drafts.set(draftKey, { text, nodeId, path, field: label, reason: errorText(t, next) ?? '' });
  };
  const preview = check.ok && !check.empty ? describeLogic(check.value) : undefined;
  return (
    <Field
      label={label}
      error={errorText(t, check)}
      hint={
        preview !== undefined ? (
          <span className="logic-preview" data-testid={`${testId}-preview`}>
            {t('inspector.logic.preview')} <code>{preview}</code>
          </span>
        ) : (
          t('inspector.logic.help')
        )
      }
    >
      <textarea
        className="code-input"
        rows={4}
        spellCheck={false}
        placeholder={placeholder}
        value={draft.text}
        onChange={(event) => change(event.target.value)}
        aria-invalid={!check.ok}
        data-testid={testId}
      />
    </Field>
  );
}
