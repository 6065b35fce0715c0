import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { updateWorkflow } from '../model/document';
import type { ApplyEdit } from './edit-types';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { OnErrorFields } from './OnErrorFields';
import { handlerCandidates } from '../model/on-error-rules';

/** What shows when nothing is selected: the workflow's own settings and its variables. */
export function WorkflowInspector({ definition, onEdit }: { definition: WorkflowDefinition; onEdit: ApplyEdit }) {
  const { t } = useTranslation();
  return (
    <div className="inspector-body" data-testid="workflow-inspector">
      <h2 className="panel-title">{t('inspector.workflowTitle')}</h2>
      <Field label={t('inspector.workflowName')}>
        <input value={definition.name} data-testid="inspector-workflow-name" onChange={(event) => onEdit((current) => updateWorkflow(current, { name: event.target.value }), 'workflow.name')} />
      </Field>
      <Field label={t('inspector.description')}>
        <textarea rows={3} value={definition.description ?? ''} data-testid="inspector-workflow-description" onChange={(event) => onEdit((current) => updateWorkflow(current, { description: event.target.value === '' ? undefined : event.target.value }), 'workflow.description')} />
      </Field>
      <Field label={t('inspector.version')} hint={t('inspector.versionHelp')}>
        <input value={definition.version ?? ''} data-testid="inspector-workflow-version" onChange={(event) => onEdit((current) => updateWorkflow(current, { version: event.target.value === '' ? undefined : event.target.value }), 'workflow.version')} />
      </Field>
      <JsonField
        label={t('inspector.variables')}
        value={definition.variables}
        rows={8}
        testId="inspector-variables"
        hint={t('inspector.variablesHelp')}
        onChange={(variables) => onEdit((current) => updateWorkflow(current, { variables: variables as WorkflowDefinition['variables'] }), 'workflow.variables')}
      />
      <OnErrorFields
        title={t('inspector.onError.defaultTitle')}
        rules={definition.onError}
        handlers={handlerCandidates(definition, undefined)}
        testId="inspector-workflow-on-error"
        onChange={(onError) => onEdit((current) => updateWorkflow(current, { onError }), 'workflow.onError')}
      />
      <p className="muted">{t('inspector.nothingSelected')}</p>
    </div>
  );
}
