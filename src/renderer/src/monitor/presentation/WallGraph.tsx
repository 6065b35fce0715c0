import { MarkerType, ReactFlow, ReactFlowProvider, type Edge, type Viewport } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EdgeState } from '../../../../shared/task/nodes';
import type { TaskNodes } from '../../task-panels/task-panel';
import { EDGE_COLOURS } from '../graph/graph-flow';
import { useColorMode } from '../graph/use-color-mode';
import { NODE_STATUSES } from '../../../../shared/status';
import { ESTIMATED_TEXTS, WALL_TEXT_PX, wallEdges, wallPlan, widestCount, type WallPlan, type WallScreen, type WallTexts } from './wall-plan';
import { WallAgentCard, WallContainerCard, WallFrame, type WallFlowNode } from './WallCards';

const NODE_TYPES = { agent: WallAgentCard, container: WallContainerCard, frame: WallFrame };
/** A page stays long enough to be read across a room. */
const PAGE_MS = 15_000;
const NO_CHANGE = () => undefined;

/** The wall screen's graph: laid out for the screen, zoomed to fill it, never panned. */
export function WallGraph({ nodes }: { nodes: TaskNodes }) {
  const box = useRef<HTMLDivElement>(null);
  const [screen, setScreen] = useState<WallScreen | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScreen((old) => (old && old.width === element.clientWidth && old.height === element.clientHeight ? old : { width: element.clientWidth, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} className="wall-graph" data-testid="wall-graph">
      {screen && screen.width > 0 && screen.height > 0 && (
        <ReactFlowProvider>
          <WallFlow nodes={nodes} screen={screen} />
        </ReactFlowProvider>
      )}
    </div>
  );
}

/** The cards' texts measured in the window's font, in its language. */
function useWallTexts(): WallTexts {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return ESTIMATED_TEXTS;
    context.font = `700 ${WALL_TEXT_PX}px ${getComputedStyle(document.body).fontFamily}`;
    const measure = (text: string) => context.measureText(text).width;
    const gap = WALL_TEXT_PX * 0.6;
    const agentLine = Math.max(...NODE_STATUSES.map((status) => measure(t(`monitor.status.${status}`)))) + gap + measure('100%');
    const containerLine = (total: number) => {
      const count = widestCount(total);
      return Math.max(agentLine, measure(t('monitor.presentation.agentsDone', { done: count, total: count })) + measure(`▶ ${count}`) + measure(`✕ ${count}`) + 2 * gap);
    };
    return { measure, agentLine, containerLine };
    // The language decides the texts; t alone does not change with it.
  }, [t, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
}

function WallFlow({ nodes, screen }: { nodes: TaskNodes; screen: WallScreen }) {
  const { t } = useTranslation();
  const texts = useWallTexts();
  const colorMode = useColorMode();
  const [page, setPage] = useState(0);
  // Laid out again only when the screen, the page or the hierarchy (whose order list is kept
  // while statuses change) changes; statuses and edge states are read live below.
  const [structure, setStructure] = useState(nodes);
  if (structure.order !== nodes.order) setStructure(nodes);
  const layout = useMemo(() => wallPlan(structure, screen, page, texts), [structure, screen, page, texts]);
  const plan = useMemo(() => (layout ? { ...layout, edges: wallEdges(nodes, layout.items) } : null), [layout, nodes]);

  const pages = plan?.pages ?? 1;
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((at) => (at + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages, page]);

  const flowNodes = useMemo<WallFlowNode[]>(
    () =>
      (plan?.items ?? []).map((item) => ({
        id: item.nodeId,
        type: item.shape,
        position: { x: item.x, y: item.y },
        width: item.width,
        height: item.height,
        draggable: false,
        selectable: false,
        connectable: false,
        ...(item.shape === 'frame' ? { zIndex: -1 } : {}),
        data: { nodeId: item.nodeId, view: nodes.byId.get(item.nodeId) },
      })),
    [plan, nodes],
  );
  const flowEdges = useMemo<Edge[]>(() => (plan?.edges ?? []).map((edge) => ({ ...edge, className: `wall-edge wall-edge-${edge.state}`, selectable: false, focusable: false, markerEnd: arrow(edge.state) })), [plan]);
  const viewport = useMemo(() => (plan ? fitted(plan) : { x: 0, y: 0, zoom: 1 }), [plan]);

  if (!plan) return <p className="wall-message">{t('graph.layingOut')}</p>;
  return (
    <>
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        viewport={viewport}
        onViewportChange={NO_CHANGE}
        minZoom={0.01}
        maxZoom={10}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        panOnDrag={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
        colorMode={colorMode}
        proOptions={{ hideAttribution: true }}
      />
      <WallNote plan={plan} onPage={setPage} />
    </>
  );
}

function arrow(state: EdgeState) {
  return { type: MarkerType.ArrowClosed, color: EDGE_COLOURS[state], width: 18, height: 18 };
}

/** The plan's zoom, its drawing centred in its part of the screen. */
function fitted(plan: WallPlan): Viewport {
  const { area } = plan;
  return { x: (area.width - plan.width * plan.zoom) / 2, y: (area.height - plan.height * plan.zoom) / 2, zoom: plan.zoom };
}

/** Says what is not drawn and why, and which page is up. */
function WallNote({ plan, onPage }: { plan: WallPlan; onPage: (change: (at: number) => number) => void }) {
  const { t } = useTranslation();
  if (plan.detail === 'all') return null;
  return (
    <p className="wall-note" data-testid="wall-note" data-detail={plan.detail}>
      <span>{t(`monitor.presentation.detail.${plan.detail}`, { count: plan.agentsNotShown })}</span>
      {plan.pages > 1 && (
        <span className="wall-pages">
          <button type="button" onClick={() => onPage((at) => (at - 1 + plan.pages) % plan.pages)} aria-label={t('monitor.presentation.previousPage')}>
            ‹
          </button>
          <span data-testid="wall-page">{t('monitor.presentation.page', { page: plan.page + 1, pages: plan.pages })}</span>
          <button type="button" onClick={() => onPage((at) => (at + 1) % plan.pages)} aria-label={t('monitor.presentation.nextPage')}>
            ›
          </button>
        </span>
      )}
    </p>
  );
}
