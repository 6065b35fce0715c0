import { useTranslation } from 'react-i18next';
import { DEPENDENCY_TYPES, type DependencyType } from '../../../../shared/status';
import { nodeDisplayName, type DependencyDefinition, type WorkflowDefinition } from '../../../../shared/workflow/definition';
import { findNode, removeDependencies, updateDependency, type DependencyRef } from '../model/document';
import type { ApplyEdit } from './edit-types';
import { Field } from './Field';
import { LogicField } from './LogicField';

interface DependencyInspectorProps {
  definition: WorkflowDefinition;
  dependencyRef: DependencyRef;
  dependency: DependencyDefinition;
  onEdit: ApplyEdit;
}

export function DependencyInspector({ definition, dependencyRef, dependency, onEdit }: DependencyInspectorProps) {
  const { t } = useTranslation();
  const source = findNode(definition, dependency.sourceNodeId);
  const target = findNode(definition, dependencyRef.targetNodeId);
  const key = `${dependencyRef.targetNodeId}.dependencies.${dependencyRef.index}`;
  return (
    <div className="inspector-body" data-testid="dependency-inspector">
      <h2 className="panel-title">{t('inspector.dependencyTitle')}</h2>
      <p className="dependency-ends">
        <strong>{source ? nodeDisplayName(source) : dependency.sourceNodeId}</strong> → <strong>{target ? nodeDisplayName(target) : dependencyRef.targetNodeId}</strong>
      </p>
      <Field label={t('dependency.type')} hint={t(`dependency.help.${dependency.type}`)}>
        <select value={dependency.type} data-testid="inspector-dependency-type" onChange={(event) => onEdit((current) => updateDependency(current, dependencyRef, { type: event.target.value as DependencyType }))}>
          {DEPENDENCY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`dependency.types.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <LogicField
        label={t('inspector.condition')}
        value={dependency.condition}
        testId="inspector-condition"
        nodeId={dependencyRef.targetNodeId}
        path={['dependencies', dependencyRef.index, 'condition']}
        placeholder='{">": [{"var": "result.score"}, 0.5]}'
        onChange={(condition) => onEdit((current) => updateDependency(current, dependencyRef, { condition: condition as DependencyDefinition['condition'] }), `${key}.condition`)}
      />
      <button type="button" className="danger-button" data-testid="inspector-remove-dependency" onClick={() => onEdit((current) => removeDependencies(current, [dependencyRef]))}>
        {t('inspector.removeDependency')}
      </button>
    </div>
  );
}
