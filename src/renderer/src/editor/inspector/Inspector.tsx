import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { AgentCatalogItem } from '../model/agent-catalog';
import { dependencyAt, findNode } from '../model/document';
import { parseEdgeId } from '../model/flow-ids';
import type { SelectionState } from '../model/flow-mapping';
import { DependencyInspector } from './DependencyInspector';
import type { ApplyEdit } from './edit-types';
import { NodeInspector } from './NodeInspector';
import { WorkflowInspector } from './WorkflowInspector';

interface InspectorProps {
  definition: WorkflowDefinition;
  selection: SelectionState;
  catalog: readonly AgentCatalogItem[];
  onEdit: ApplyEdit;
  onSelectEdge: (edgeId: string) => void;
}

/** The settings of what is selected: one node, one dependency, or (with nothing) the workflow. */
export function Inspector({ definition, selection, catalog, onEdit, onSelectEdge }: InspectorProps) {
  const { t } = useTranslation();
  const count = selection.nodes.size + selection.edges.size;
  let body;
  if (count === 0) body = <WorkflowInspector definition={definition} onEdit={onEdit} />;
  else if (count > 1) {
    body = (
      <div className="inspector-body" data-testid="multi-inspector">
        <h2 className="panel-title">{t('inspector.multiTitle')}</h2>
        <p>{t('inspector.multi', { nodes: selection.nodes.size, edges: selection.edges.size })}</p>
      </div>
    );
  } else if (selection.nodes.size === 1) {
    const node = findNode(definition, [...selection.nodes][0] ?? '');
    if (node) body = <NodeInspector key={node.nodeId} definition={definition} node={node} catalog={catalog} onEdit={onEdit} onSelectEdge={onSelectEdge} />;
  } else {
    const ref = parseEdgeId([...selection.edges][0] ?? '');
    const dependency = ref && dependencyAt(definition, ref);
    if (ref && dependency) body = <DependencyInspector key={`${ref.targetNodeId}:${ref.index}`} definition={definition} dependencyRef={ref} dependency={dependency} onEdit={onEdit} />;
  }
  return (
    <aside className="inspector" aria-label={t('inspector.title')} data-testid="inspector">
      {body ?? <WorkflowInspector definition={definition} onEdit={onEdit} />}
    </aside>
  );
}
