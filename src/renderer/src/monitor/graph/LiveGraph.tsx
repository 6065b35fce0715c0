import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowLabels } from '../../editor/canvas/use-flow-labels';
import type { TaskPanelProps } from '../../task-panels/task-panel';
import { createGraphCache, graphBase, toGraphEdges, toGraphNodes, type GraphFlowEdge, type GraphFlowNode } from './graph-flow';
import { GraphAgentNode, GraphContainerNode } from './GraphNodes';
import { CanvasMiniMap } from '../../common/CanvasMiniMap';
import { cullFlow } from '../../common/flow-culling';
import { useViewMotion } from '../../common/use-view-motion';
import { useHeldWhileMoving, ViewMotionContext } from '../../common/view-motion';
import { flowViewProps, LARGE_FROM, LARGE_START } from '../../common/large-flow';
import { GraphEdge, GraphMarkers } from './GraphEdge';
import { useColorMode } from './use-color-mode';
import { useGraphDefinition } from './use-graph-definition';
import { FIT_MAX_ZOOM, fitPadding, MINIMAP_SIZE } from './graph-fit';
import { markCritical } from './critical-path';
import { CriticalPathLegend } from './CriticalPathLegend';
import { useForecast } from '../forecast/use-forecast';
import './graph.css';

const NODE_TYPES = { agent: GraphAgentNode, container: GraphContainerNode };
const EDGE_TYPES = { status: GraphEdge };

function minimapClass(node: GraphFlowNode): string {
  return `graph-minimap graph-minimap-${node.type ?? 'agent'} graph-status-${node.data.view?.status ?? 'pending'}`;
}

/** The workflow's layout, read-only, coloured by the task's live (or replayed) state. */
export const LiveGraph = memo(function LiveGraph(props: TaskPanelProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
});

function GraphCanvas({ client, task, nodes: latestNodes, selectedNodeId, onSelectNode, at }: TaskPanelProps) {
  // A busy task changes many times a second; the graph may skip states it has no time to draw.
  const nodes = useDeferredValue(latestNodes);
  const { t } = useTranslation();
  const colorMode = useColorMode();
  const ariaLabels = useFlowLabels();
  const flow = useReactFlow<GraphFlowNode, GraphFlowEdge>();
  const { definition, error } = useGraphDefinition(task, nodes);
  const base = useMemo(() => (definition ? graphBase(definition) : null), [definition]);
  const cache = useMemo(() => (base ? createGraphCache() : null), [base]);
  const large = (base?.nodes.length ?? 0) >= LARGE_FROM;
  const panelRef = useRef<HTMLDivElement>(null);
  // The editor's motion handling: while a large graph's view moves it is drawn light, a zoom out keeps to what was in view,
  // and the task's changes wait until the view rests (redrawing nodes mid-gesture was what slowed its frames).
  const { motion, frozen } = useViewMotion(panelRef, large);
  const shown = useHeldWhileMoving(nodes, motion);
  const flowNodes = useMemo(() => (base && cache ? toGraphNodes(base, shown, selectedNodeId, cache) : []), [base, cache, shown, selectedNodeId]);
  const flowEdges = useMemo(() => (base && cache ? toGraphEdges(base, shown, cache) : []), [base, cache, shown]);
  const statusColour = useCallback((nodeId: string) => `--status-${shown.byId.get(nodeId)?.status ?? 'pending'}`, [shown]);
  const forecast = useForecast(client, task, at);
  const marked = useMemo(() => markCritical(flowNodes, flowEdges, forecast), [flowNodes, flowEdges, forecast]);
  const drawn = useMemo(() => (frozen ? cullFlow(marked.nodes, marked.edges, frozen) : marked), [marked, frozen]);
  const fit = useCallback(() => {
    const panel = panelRef.current;
    if (!panel || panel.clientWidth === 0) return;
    const bounds = flow.getNodesBounds(flow.getNodes());
    void flow.fitView({ padding: fitPadding(bounds, { width: panel.clientWidth, height: panel.clientHeight }), maxZoom: FIT_MAX_ZOOM });
  }, [flow]);
  const fitted = useRef<typeof base>(null);
  useEffect(() => {
    if (!base || fitted.current === base) return;
    fitted.current = base;
    if (large) return;
    // After xyflow has measured the first nodes of this layout.
    const frame = requestAnimationFrame(fit);
    return () => cancelAnimationFrame(frame);
  }, [base, fit, large]);
  // A whole graph stays fitted as its panel changes size (the window, a panel beside it).
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || large) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    });
    observer.observe(panel);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [fit, large, base]);

  // In a large graph a node picked elsewhere (the tree, the timeline) may be far out of view.
  const centred = useRef<string | null>(null);
  useEffect(() => {
    if (!large || !selectedNodeId || centred.current === selectedNodeId) return;
    centred.current = selectedNodeId;
    const node = flow.getInternalNode(selectedNodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    void flow.setCenter(x + (node.measured.width ?? node.width ?? 0) / 2, y + (node.measured.height ?? node.height ?? 0) / 2, { zoom: Math.max(flow.getZoom(), LARGE_START.zoom), duration: 300 });
  }, [large, selectedNodeId, flow]);

  const onNodeClick = useCallback<NodeMouseHandler<GraphFlowNode>>((event, node) => {
    event.stopPropagation();
    onSelectNode(node.id);
  }, [onSelectNode]);
  const onPaneClick = useCallback(() => onSelectNode(null), [onSelectNode]);

  if (error) return <p className="graph-message" role="alert">{t('graph.layoutFailed', { error })}</p>;
  if (!base) return <p className="graph-message">{t('graph.layingOut')}</p>;

  return (
    <ViewMotionContext value={motion}>
    <div ref={panelRef} className={`graph-panel${large ? ' is-large' : ''}${at !== null ? ' is-replay' : ''}`} data-testid="live-graph" aria-label={t('graph.label')}>
      <ReactFlow<GraphFlowNode, GraphFlowEdge>
        nodes={drawn.nodes}
        edges={drawn.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        colorMode={colorMode}
        {...flowViewProps(large, 0.05)}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} />
        {large ? <CanvasMiniMap nodes={base.nodes} colourOf={statusColour} label={t('graph.minimap')} /> : <MiniMap pannable zoomable className="graph-minimap-panel" style={MINIMAP_SIZE} nodeClassName={minimapClass} ariaLabel={t('graph.minimap')} />}
        <Controls showInteractive={false} />
      </ReactFlow>
      <GraphMarkers />
      <GraphLegend />
      <CriticalPathLegend model={forecast} />
    </div>
    </ViewMotionContext>
  );
}

const GraphLegend = memo(function GraphLegend() {
  const { t } = useTranslation();
  return (
    <ul className="graph-legend" aria-label={t('graph.legend')}>
      {(['satisfied', 'pending', 'unsatisfiable'] as const).map((state) => (
        <li key={state}>
          <svg className={`graph-legend-line graph-edge-${state}`} viewBox="0 0 24 6" aria-hidden="true">
            <line x1="0" y1="3" x2="24" y2="3" className="graph-edge-path" />
          </svg>
          {t(`graph.edge.${state}`)}
        </li>
      ))}
    </ul>
  );
});
