import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_ID_MAX_LENGTH } from '../../../../shared/workflow/definition';
import { Field } from './Field';

/** The node's id: applied on Enter or when leaving the field, and only when it is free and valid. */
export function NodeIdField({ nodeId, taken, onRename }: { nodeId: string; taken: (id: string) => boolean; onRename: (id: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ text: nodeId, base: nodeId });
  if (draft.base !== nodeId) setDraft({ text: nodeId, base: nodeId });
  const text = draft.text;
  // eslint-disable-next-line no-control-regex -- the same rule as the definition schema
  const error = text === '' ? t('inspector.id.empty') : text.length > NODE_ID_MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(text) ? t('inspector.id.invalid') : text !== nodeId && taken(text) ? t('inspector.id.taken') : undefined;
  const commit = () => {
    if (!error && text !== nodeId) onRename(text);
    else if (error) setDraft({ text: nodeId, base: nodeId });
  };
  return (
    <Field label={t('inspector.id.label')} error={error}>
      <input
        value={text}
        spellCheck={false}
        data-testid="inspector-node-id"
        aria-invalid={error !== undefined}
        onChange={(event) => setDraft({ text: event.target.value, base: nodeId })}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft({ text: nodeId, base: nodeId });
        }}
      />
    </Field>
  );
}
