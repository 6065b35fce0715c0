import { useTranslation } from 'react-i18next';
import { DEPENDENCY_TYPES, NODE_KIND_DEFAULTS, NODE_KINDS, type DependencyType, type NodeKind } from '../../../../shared/status';
import { nodeDisplayName, type WorkflowDefinition, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import type { AgentCatalogItem } from '../model/agent-catalog';
import { findNode, nameField, renameNodeId, removeDependencies, updateDependency, updateNode } from '../model/document';
import { edgeId } from '../model/flow-ids';
import { kindDefaultsOf } from '../model/node-kinds';
import { ConfigSchemaHint } from './ConfigSchemaHint';
import { DesignFields } from './DesignFields';
import type { ApplyEdit } from './edit-types';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { LogicField } from './LogicField';
import { NodeIdField } from './NodeIdField';
import { NumberField } from './NumberField';
import { OnErrorFields } from './OnErrorFields';
import { handlerCandidates } from '../model/on-error-rules';
import { PinField } from './PinField';
import { RetryFields } from './RetryFields';

interface NodeInspectorProps {
  definition: WorkflowDefinition;
  node: WorkflowNodeDefinition;
  catalog: readonly AgentCatalogItem[];
  onEdit: ApplyEdit;
  onSelectEdge: (edgeId: string) => void;
}

export function NodeInspector({ definition, node, catalog, onEdit, onSelectEdge }: NodeInspectorProps) {
  const { t } = useTranslation();
  const id = node.nodeId;
  const patch = (field: string, value: Partial<WorkflowNodeDefinition>) => onEdit((current) => updateNode(current, id, value), `${id}.${field}`);
  const agent = node.agentLoad ? catalog.find((item) => item.agentLoad === node.agentLoad) : undefined;
  const label = nameField(node);
  const kindDefaults = kindDefaultsOf(node.kind);
  return (
    <div className="inspector-body" data-testid="node-inspector">
      <h2 className="panel-title">{t(node.nodeType === 'agent' ? 'inspector.agentTitle' : node.isRoot ? 'inspector.rootTitle' : 'inspector.containerTitle')}</h2>
      <Field label={t('inspector.name')}>
        <input value={node[label] ?? ''} data-testid="inspector-name" onChange={(event) => patch('name', { [label]: event.target.value === '' ? undefined : event.target.value })} />
      </Field>
      <NodeIdField
        nodeId={id}
        taken={(candidate) => findNode(definition, candidate) !== undefined}
        onRename={(next) => onEdit((current) => renameNodeId(current, id, next), undefined, { nodes: new Set([next]), edges: new Set() })}
      />
      <Field label={t('inspector.kind')} hint={t('inspector.kindHint')}>
        <select value={node.kind ?? ''} data-testid="inspector-kind" onChange={(event) => patch('kind', { kind: event.target.value === '' ? undefined : (event.target.value as NodeKind) })}>
          <option value="">{t('inspector.noKind')}</option>
          {NODE_KINDS.filter((kind) => NODE_KIND_DEFAULTS[kind].nodeType === node.nodeType || kind === node.kind).map((kind) => (
            <option key={kind} value={kind}>
              {t(`nodeKinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {node.nodeType === 'agent' ? (
        <>
          <Field label={t('inspector.agentLoad')} hint={agent ? `${t(`kinds.${agent.kind}`)} · ${agent.name}${agent.version ? ` · ${agent.version}` : ''}` : t('inspector.agentLoadUnknown')}>
            <input list="agent-loads" value={node.agentLoad ?? ''} spellCheck={false} data-testid="inspector-agent-load" onChange={(event) => patch('agentLoad', { agentLoad: event.target.value === '' ? undefined : event.target.value })} />
            <datalist id="agent-loads">
              {catalog.map((item) => (
                <option key={item.agentLoad} value={item.agentLoad}>
                  {item.name}
                </option>
              ))}
            </datalist>
          </Field>
          <JsonField
            label={t('inspector.agentConfig')}
            value={node.agentConfig}
            testId="inspector-agent-config"
            hint={<ConfigSchemaHint schema={agent?.configSchema} config={node.agentConfig} />}
            onChange={(value) => patch('agentConfig', { agentConfig: value as WorkflowNodeDefinition['agentConfig'] })}
          />
        </>
      ) : (
        <JsonField label={t('inspector.containerConfig')} value={node.containerConfig} testId="inspector-container-config" onChange={(value) => patch('containerConfig', { containerConfig: value as WorkflowNodeDefinition['containerConfig'] })} />
      )}
      {/* The root starts with the task and ends it: nothing it could wait for, order against or retry. */}
      {!node.isRoot && (
        <>
          <Field label={t('inspector.join.label')} hint={t('inspector.join.help')}>
        <select value={node.join ?? 'all'} data-testid="inspector-join" onChange={(event) => onEdit((current) => updateNode(current, id, { join: event.target.value === 'one' ? 'one' : undefined }))}>
          <option value="all">{t('inspector.join.all')}</option>
          <option value="one">{t('inspector.join.one')}</option>
        </select>
      </Field>
      <DependencyList definition={definition} node={node} onEdit={onEdit} onSelectEdge={onSelectEdge} />
        </>
      )}
      <div className="field-row">
        {!node.isRoot && <NumberField label={t('inspector.priority')} value={node.priority} min={-1_000_000} max={1_000_000} testId="inspector-priority" placeholder="0" onChange={(priority) => patch('priority', { priority })} />}
        <NumberField
          label={t('inspector.timeoutSeconds')}
          value={node.timeoutMs === undefined ? undefined : node.timeoutMs / 1000}
          min={0.001}
          max={30 * 86_400}
          integer={false}
          testId="inspector-timeout"
          placeholder={kindDefaults ? t('inspector.kindDefault', { value: `${kindDefaults.timeoutSeconds} s` }) : t('inspector.noTimeout')}
          onChange={(seconds) => patch('timeoutMs', { timeoutMs: seconds === undefined ? undefined : Math.max(1, Math.round(seconds * 1000)) })}
        />
      </div>
      {!node.isRoot && <RetryFields retry={node.retry} defaultRetries={kindDefaults?.retries} testId="inspector-retry" onChange={(retry) => patch('retry', { retry })} />}
      {node.nodeType === 'agent' && (
        <OnErrorFields title={t('inspector.onError.title')} rules={node.onError} handlers={handlerCandidates(definition, id)} testId="inspector-on-error" onChange={(onError) => patch('onError', { onError })} />
      )}
      {!node.isRoot && <PinField pin={node.pin} testId="inspector-pin" onChange={(pin) => patch('pin', { pin })} />}
      <LogicField
        label={t('inspector.activation')}
        value={node.activation}
        testId="inspector-activation"
        nodeId={id}
        path={['activation']}
        placeholder='{"==": [{"var": "variables.mode"}, "full"]}'
        onChange={(activation) => patch('activation', { activation: activation as WorkflowNodeDefinition['activation'] })}
      />
      <DesignFields node={node} onChange={patch} />
    </div>
  );
}

function DependencyList({ definition, node, onEdit, onSelectEdge }: Omit<NodeInspectorProps, 'catalog'>) {
  const { t } = useTranslation();
  const dependencies = node.dependencies ?? [];
  return (
    <fieldset className="field-group">
      <legend>{t('inspector.dependencies', { count: dependencies.length })}</legend>
      {dependencies.length === 0 && <p className="muted">{t('inspector.noDependencies')}</p>}
      <ul className="dependency-list">
        {dependencies.map((dependency, index) => {
          const source = findNode(definition, dependency.sourceNodeId);
          const ref = { targetNodeId: node.nodeId, index };
          return (
            <li key={`${dependency.sourceNodeId}-${index}`}>
              <button type="button" className="link-button" onClick={() => onSelectEdge(edgeId(node.nodeId, index))} title={t('inspector.selectDependency')}>
                {source ? nodeDisplayName(source) : dependency.sourceNodeId}
              </button>
              <select
                value={dependency.type}
                aria-label={t('dependency.type')}
                onChange={(event) => onEdit((current) => updateDependency(current, ref, { type: event.target.value as DependencyType }))}
              >
                {DEPENDENCY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`dependency.types.${type}`)}
                  </option>
                ))}
              </select>
              <button type="button" className="icon-button" aria-label={t('inspector.removeDependency')} title={t('inspector.removeDependency')} onClick={() => onEdit((current) => removeDependencies(current, [ref]))}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
