import { Background, BackgroundVariant, Controls, Handle, Position, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeMouseHandler, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeComparison } from '../../../shared/compare/run-compare';
import { nodeDisplayName, type WorkflowDefinition } from '../../../shared/workflow/definition';
import { anchors, SOURCE_HANDLE, TARGET_HANDLE } from '../editor/model/flow-mapping';
import { useFlowLabels } from '../editor/canvas/use-flow-labels';
import { graphBase } from '../monitor/graph/graph-flow';
import { layOutGraph, withParents } from '../monitor/graph/graph-layout';
import { loadElk } from '../monitor/graph/load-elk';
import { useColorMode } from '../monitor/graph/use-color-mode';
import { errorMessage, type Failure } from '../common/error-message';
import { DIFF_KINDS, diffKind, type DiffKind } from './model/compare-view';
import { parentsOf } from './model/compare-graph';
import '../monitor/graph/graph.css';

type CompareNodeData = { name: string; nodeId: string; kind: DiffKind; selected: boolean; isRoot: boolean };
type CompareFlowNode = Node<CompareNodeData, 'agent' | 'container'>;

function Anchors() {
  return (
    <>
      <Handle type="target" position={Position.Left} id={TARGET_HANDLE} className="graph-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} id={SOURCE_HANDLE} className="graph-handle" isConnectable={false} />
    </>
  );
}

function useDiffLabel(): (kind: DiffKind) => string {
  const { t } = useTranslation();
  return (kind) => t(`compare.diff.${kind}`);
}

const AgentBox = memo(function AgentBox({ data }: NodeProps<CompareFlowNode>) {
  const label = useDiffLabel();
  return (
    <div className={`compare-node compare-agent diff-${data.kind}${data.selected ? ' is-selected' : ''}`} data-testid={`compare-graph-node-${data.nodeId}`} data-diff={data.kind} title={data.name}>
      <Anchors />
      <span className="compare-node-title" data-verbatim="">
        {data.name}
      </span>
      <span className="compare-node-diff">{label(data.kind)}</span>
    </div>
  );
});

const ContainerBox = memo(function ContainerBox({ data }: NodeProps<CompareFlowNode>) {
  const label = useDiffLabel();
  return (
    <div className={`compare-node compare-container diff-${data.kind}${data.isRoot ? ' is-root' : ''}${data.selected ? ' is-selected' : ''}`} data-testid={`compare-graph-node-${data.nodeId}`} data-diff={data.kind}>
      <div className="compare-container-head">
        <Anchors />
        <span className="compare-node-title" data-verbatim="" title={data.name}>
          {data.name}
        </span>
        <span className="compare-node-diff">{label(data.kind)}</span>
      </div>
    </div>
  );
});

const NODE_TYPES = { agent: AgentBox, container: ContainerBox };

/** One run's workflow laid out as the monitor's graph lays it out. */
function useLayout(workflow: WorkflowDefinition): { definition: WorkflowDefinition | null; failure: Failure | null } {
  const [state, setState] = useState<{ workflow: WorkflowDefinition; definition: WorkflowDefinition | null; failure: Failure | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    layOutGraph(withParents(workflow, parentsOf(workflow)), loadElk).then(
      (definition) => !cancelled && setState({ workflow, definition, failure: null }),
      (error: unknown) => !cancelled && setState({ workflow, definition: null, failure: { error } }),
    );
    return () => {
      cancelled = true;
    };
  }, [workflow]);
  return state && state.workflow === workflow ? state : { definition: null, failure: null };
}

interface CompareGraphProps {
  /** The workflow of the run drawn. */
  workflow: WorkflowDefinition;
  nodes: readonly NodeComparison[];
  selectedNodeId: string | null;
  onSelectNode: (nodeId: string | null) => void;
}

/** The run's workflow with each node coloured by how it differs in the other run. */
export function CompareGraph(props: CompareGraphProps) {
  return (
    <ReactFlowProvider>
      <CompareFlow {...props} />
    </ReactFlowProvider>
  );
}

function CompareFlow({ workflow, nodes, selectedNodeId, onSelectNode }: CompareGraphProps) {
  const { t } = useTranslation();
  const colorMode = useColorMode();
  const ariaLabels = useFlowLabels();
  const { definition, failure } = useLayout(workflow);
  const base = useMemo(() => (definition ? graphBase(definition) : null), [definition]);
  const kinds = useMemo(() => new Map(nodes.map((node) => [node.nodeId, diffKind(node)])), [nodes]);
  const flowNodes = useMemo<CompareFlowNode[]>(
    () =>
      (base?.nodes ?? []).map((flowNode) => ({
        id: flowNode.id,
        type: flowNode.type ?? 'agent',
        position: flowNode.position,
        ...(flowNode.width !== undefined ? { width: flowNode.width } : {}),
        ...(flowNode.height !== undefined ? { height: flowNode.height } : {}),
        ...(flowNode.parentId !== undefined ? { parentId: flowNode.parentId } : {}),
        draggable: false,
        connectable: false,
        selectable: false,
        handles: anchors(flowNode),
        data: {
          name: nodeDisplayName(flowNode.data.node),
          nodeId: flowNode.id,
          kind: kinds.get(flowNode.id) ?? 'same',
          selected: flowNode.id === selectedNodeId,
          isRoot: flowNode.data.node.isRoot === true,
        },
      })),
    [base, kinds, selectedNodeId],
  );
  const flowEdges = useMemo<Edge[]>(
    () =>
      (base?.edges ?? []).map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
        ...(edge.targetHandle ? { targetHandle: edge.targetHandle } : {}),
        selectable: false,
        focusable: false,
        className: 'compare-edge',
      })),
    [base],
  );
  const onNodeClick: NodeMouseHandler<CompareFlowNode> = (event, node) => {
    event.stopPropagation();
    onSelectNode(node.id);
  };

  if (failure) return <p className="graph-message" role="alert">{t('graph.layoutFailed', { error: errorMessage(t, failure.error) })}</p>;
  if (!base) return <p className="graph-message">{t('graph.layingOut')}</p>;
  return (
    <div className="compare-graph" data-testid="compare-graph">
      <ReactFlow<CompareFlowNode, Edge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        onNodeClick={onNodeClick}
        onPaneClick={() => onSelectNode(null)}
        colorMode={colorMode}
        fitView
        minZoom={0.05}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} />
        <Controls showInteractive={false} />
      </ReactFlow>
      <DiffLegend />
    </div>
  );
}

const DiffLegend = memo(function DiffLegend() {
  const label = useDiffLabel();
  const { t } = useTranslation();
  return (
    <ul className="compare-legend" aria-label={t('compare.legend')}>
      {DIFF_KINDS.map((kind) => (
        <li key={kind} className={`diff-${kind}`}>
          <span className="compare-swatch" aria-hidden="true" />
          {label(kind)}
        </li>
      ))}
    </ul>
  );
});
