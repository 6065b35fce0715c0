import { useTranslation } from 'react-i18next';
import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { Field } from './Field';
import { JsonField } from './JsonField';

type DesignField = 'agentMetaId' | 'agentUrl' | 'containerType' | 'envConfig' | 'bizValue';

interface DesignFieldsProps {
  node: WorkflowNodeDefinition;
  onChange: (field: DesignField, value: Partial<WorkflowNodeDefinition>) => void;
}

/**
 * The Deduction design's descriptive node fields: stored with the task, sent to the Engine with
 * the submission and shown in the monitor; the console itself does not act on them. The
 * validator checks the agent meta id's form.
 */
export function DesignFields({ node, onChange }: DesignFieldsProps) {
  const { t } = useTranslation();
  const text = (field: 'agentMetaId' | 'agentUrl' | 'containerType', testId: string) => (
    <Field label={t(`inspector.design.${field}`)}>
      <input value={node[field] ?? ''} spellCheck={false} data-testid={testId} onChange={(event) => onChange(field, { [field]: event.target.value === '' ? undefined : event.target.value })} />
    </Field>
  );
  return (
    <fieldset className="field-group" data-testid="inspector-design-fields">
      <legend>{t('inspector.design.title')}</legend>
      {node.nodeType === 'agent' ? (
        <>
          {text('agentMetaId', 'inspector-agent-meta-id')}
          {text('agentUrl', 'inspector-agent-url')}
        </>
      ) : (
        text('containerType', 'inspector-container-type')
      )}
      <JsonField label={t('inspector.design.envConfig')} value={node.envConfig} rows={3} testId="inspector-env-config" onChange={(value) => onChange('envConfig', { envConfig: value as WorkflowNodeDefinition['envConfig'] })} />
      <JsonField label={t('inspector.design.bizValue')} value={node.bizValue} rows={3} testId="inspector-biz-value" onChange={(value) => onChange('bizValue', { bizValue: value as WorkflowNodeDefinition['bizValue'] })} />
    </fieldset>
  );
}
