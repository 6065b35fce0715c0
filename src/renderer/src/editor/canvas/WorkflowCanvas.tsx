import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasMiniMap } from '../../common/CanvasMiniMap';
import { cullFlow } from '../../common/flow-culling';
import { flowViewProps, LARGE_FROM, LARGE_START } from '../../common/large-flow';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { ApplyEdit } from '../inspector/edit-types';
import type { AgentCatalogItem } from '../model/agent-catalog';
import { absoluteRect, addDependency, connectionRefusal, containerAt, fitContainers, moveNodes, resizeNode, settleDrop } from '../model/document';
import { toFlowEdges, toFlowNodes, type DependencyFlowEdge, type SelectionState, type WorkflowFlowNode } from '../model/flow-mapping';
import type { Point } from '../model/geometry';
import type { ProblemIndex } from '../model/problems-index';
import { readPaletteItem, type PaletteItem } from '../palette/palette-drag';
import { AgentNode } from './AgentNode';
import { ContainerNode } from './ContainerNode';
import { DependencyEdge } from './DependencyEdge';
import { useShiftWheelPan } from './use-container-pan';
import { useFlowLabels } from './use-flow-labels';
import { useKeepRootInView } from './use-keep-root-in-view';
import { useViewMotion } from '../../common/use-view-motion';
import { ViewMotionContext } from '../../common/view-motion';

const NODE_TYPES = { agent: AgentNode, container: ContainerNode };
const minimapColour = (_nodeId: string, container: boolean) => (container ? '--container-border' : '--accent');
/** Fitting the whole workflow never magnifies past its natural size: a small one stays small. */
export const FIT_WHOLE = { padding: 0.1, maxZoom: 1, duration: 200 } as const;
const EDGE_TYPES = { dependency: DependencyEdge };

export interface CanvasCallbacks {
  onEdit: ApplyEdit;
  /** Shows a gesture in progress; `onEndGesture` makes it one undo step from `from`. */
  onPreview: (apply: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
  onEndGesture: (from: WorkflowDefinition, apply?: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
  onSelectionChanges: (kind: 'nodes' | 'edges', changes: { id: string; selected: boolean }[]) => void;
  /** A palette item dropped at a point of the canvas (flow coordinates). */
  onDropItem: (item: PaletteItem, at: Point) => void;
}

interface WorkflowCanvasProps extends CanvasCallbacks {
  definition: WorkflowDefinition;
  /** The latest document, for handlers that run between renders. */
  latest: RefObject<WorkflowDefinition>;
  selection: SelectionState;
  problems: ProblemIndex;
  catalog: readonly AgentCatalogItem[];
  highlighted: string | undefined;
  colorMode: 'light' | 'dark';
  /** Each new value fits the whole workflow in view, after the canvas has drawn it. */
  fitRequest: number;
}

function selectChanges(changes: readonly (NodeChange | EdgeChange)[]): { id: string; selected: boolean }[] {
  return changes.flatMap((change) => (change.type === 'select' ? [{ id: change.id, selected: change.selected }] : []));
}

export function WorkflowCanvas(props: WorkflowCanvasProps) {
  const { definition, latest, selection, problems, catalog, highlighted, colorMode, fitRequest, onEdit, onPreview, onEndGesture, onSelectionChanges, onDropItem } = props;
  const { t } = useTranslation();
  const flow = useReactFlow<WorkflowFlowNode, DependencyFlowEdge>();
  const ariaLabels = useFlowLabels();
  const [dropTarget, setDropTarget] = useState<string | undefined>();
  // Where the current drag or resize began, so that it ends as one undo step.
  const gesture = useRef<{ from: WorkflowDefinition; kind: 'drag' | 'resize' } | null>(null);

  const large = definition.nodes.length >= LARGE_FROM;
  const canvasRef = useRef<HTMLDivElement>(null);
  const { motion, frozen } = useViewMotion(canvasRef, large);
  useShiftWheelPan(canvasRef);
  const beforeDrop = useKeepRootInView(canvasRef, definition, !large, FIT_WHOLE);
  const nodes = useMemo(
    () => toFlowNodes({ definition, selection, problems, catalog, highlighted, dropTarget, anchored: large }),
    [definition, selection, problems, catalog, highlighted, dropTarget, large],
  );

  // Runs after xyflow (a child) has taken the new nodes into its store.
  const largeNow = useRef(large);
  useLayoutEffect(() => {
    largeNow.current = large;
  }, [large]);
  useEffect(() => {
    if (fitRequest === 0) return;
    if (largeNow.current) void flow.setViewport(LARGE_START);
    else void flow.fitView(FIT_WHOLE);
  }, [fitRequest, flow]);
  const edges = useMemo(() => toFlowEdges({ definition, selection, problems, placeLabels: true }), [definition, selection, problems]);
  const drawn = useMemo(() => (frozen ? cullFlow(nodes, edges, frozen) : { nodes, edges }), [nodes, edges, frozen]);

  const onNodesChange = (changes: NodeChange<WorkflowFlowNode>[]) => {
    const selects = selectChanges(changes);
    if (selects.length > 0) onSelectionChanges('nodes', selects);
    const positions = new Map<string, Point>();
    const sizes = new Map<string, { width: number; height: number }>();
    let resizeEnded = false;
    for (const change of changes) {
      if (change.type === 'position' && change.position) positions.set(change.id, change.position);
      if (change.type === 'dimensions' && change.dimensions && change.setAttributes) sizes.set(change.id, change.dimensions);
      if (change.type === 'dimensions' && change.resizing === false) resizeEnded = true;
    }
    if (positions.size > 0 || sizes.size > 0) {
      const apply = (current: WorkflowDefinition) => {
        let next = moveNodes(current, positions);
        for (const [id, size] of sizes) next = resizeNode(next, id, size);
        return next;
      };
      if (sizes.size > 0 && !gesture.current) gesture.current = { from: latest.current, kind: 'resize' };
      if (gesture.current) onPreview(apply);
      // Arrow keys move selected nodes without a drag: each press is its own step.
      else onEdit((current) => fitContainers(apply(current)));
    }
    if (resizeEnded && gesture.current?.kind === 'resize') {
      onEndGesture(gesture.current.from, fitContainers);
      gesture.current = null;
    }
  };

  const onEdgesChange = (changes: EdgeChange<DependencyFlowEdge>[]) => {
    const selects = selectChanges(changes);
    if (selects.length > 0) onSelectionChanges('edges', selects);
  };

  const draggedCentre = (node: WorkflowFlowNode): Point => {
    const rect = absoluteRect(latest.current, node.id);
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  };

  const onNodeDragStart: OnNodeDrag<WorkflowFlowNode> = () => {
    gesture.current = { from: latest.current, kind: 'drag' };
  };
  const onNodeDrag: OnNodeDrag<WorkflowFlowNode> = (_event, node) => {
    setDropTarget(containerAt(latest.current, draggedCentre(node), new Set([node.id])));
  };
  const onNodeDragStop: OnNodeDrag<WorkflowFlowNode> = (_event, _node, dragged) => {
    setDropTarget(undefined);
    const from = gesture.current?.from ?? latest.current;
    gesture.current = null;
    onEndGesture(from, (current) => settleDrop(current, dragged.map((entry) => entry.id)));
  };

  const isValidConnection: IsValidConnection<DependencyFlowEdge> = (connection) =>
    connectionRefusal(latest.current, connection.source, connection.target) === undefined;
  const onConnect = (connection: Connection) => {
    onEdit((current) => addDependency(current, connection.source, connection.target));
  };

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const item = readPaletteItem(event.dataTransfer);
    if (!item) return;
    event.preventDefault();
    beforeDrop(latest.current);
    onDropItem(item, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <ViewMotionContext value={motion}>
      <div ref={canvasRef} className={large ? 'canvas is-large' : 'canvas'} data-testid="editor-canvas" onDragOver={onDragOver} onDrop={onDrop} aria-label={t('canvas.label')}>
        <ReactFlow<WorkflowFlowNode, DependencyFlowEdge>
          nodes={drawn.nodes}
          edges={drawn.edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Control', 'Meta']}
          colorMode={colorMode}
          {...flowViewProps(large, 0.1)}
          fitViewOptions={FIT_WHOLE}
          ariaLabelConfig={ariaLabels}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} />
          {large ? (
            <CanvasMiniMap nodes={nodes} colourOf={minimapColour} label={t('flow.minimap')} />
          ) : (
            <MiniMap pannable zoomable className="minimap" nodeClassName={(node) => `minimap-${node.type ?? 'agent'}`} />
          )}
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </ViewMotionContext>
  );
}
