import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { EDGE_STATES } from '../../../../shared/task/nodes';
import { useLiteWhileMoving } from '../../common/view-motion';
import { describeLogic } from '../../editor/model/logic-preview';
import { arrowId, EDGE_COLOURS, type GraphFlowEdge } from './graph-flow';

/**
 * A dependency coloured and dashed by its state. No HTML label: thousands of edge labels cost
 * more than the graph itself; the type, state and condition are in the line's tooltip.
 */
export const GraphEdge = memo(function GraphEdge(props: EdgeProps<GraphFlowEdge>) {
  const lite = useLiteWhileMoving();
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  if (!data) return null;
  // The line alone while a large graph's view moves.
  if (lite) {
    const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    return <BaseEdge id={id} path={path} className={`graph-edge-path graph-edge-${data.state}`} {...(markerEnd ? { markerEnd } : {})} interactionWidth={0} />;
  }
  return <FullGraphEdge {...props} data={data} />;
});

function FullGraphEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<GraphFlowEdge> & { data: NonNullable<EdgeProps<GraphFlowEdge>['data']> }) {
  const { t } = useTranslation();
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const { condition } = data.dependency;
  const stated = t('graph.edgeTitle', { type: t(`graph.dependency.${data.dependency.type}`), state: t(`graph.edge.${data.state}`) });
  const title = condition === undefined ? stated : `${stated} · ${t('dependency.if')} ${describeLogic(condition)}`;
  return (
    <g className={`graph-edge graph-edge-${data.state}`} data-state={data.state}>
      <title>{title}</title>
      <BaseEdge id={id} path={path} className={`graph-edge-path graph-edge-${data.state}`} {...(markerEnd ? { markerEnd } : {})} interactionWidth={0} />
    </g>
  );
}

/** The arrowheads every edge refers to by id, one per state. */
export const GraphMarkers = memo(function GraphMarkers() {
  return (
    <svg className="graph-markers" aria-hidden="true">
      <defs>
        {EDGE_STATES.map((state) => (
          <marker key={state} id={arrowId(state)} viewBox="-10 -10 20 20" markerWidth="16" markerHeight="16" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
            <polyline points="-5,-4 0,0 -5,4 -5,-4" style={{ fill: EDGE_COLOURS[state], stroke: EDGE_COLOURS[state] }} strokeLinecap="round" strokeLinejoin="round" strokeWidth="1" />
          </marker>
        ))}
      </defs>
    </svg>
  );
});
