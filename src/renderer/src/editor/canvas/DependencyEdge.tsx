import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { DependencyFlowEdge } from '../model/flow-mapping';
import { describeLogic } from '../model/logic-preview';
import { edgePath, labelMaxWidth } from './edge-path';
import { ProblemBadge } from './ProblemBadge';
import { useLiteWhileMoving } from '../../common/view-motion';

/** A dependency: its type shows as colour, line style and label; a condition adds its preview. */
type DrawnEdgeProps = EdgeProps<DependencyFlowEdge> & { data: NonNullable<EdgeProps<DependencyFlowEdge>['data']> };

export function DependencyEdge(props: EdgeProps<DependencyFlowEdge>) {
  const lite = useLiteWhileMoving();
  const { data } = props;
  if (!data) return null;
  const drawn = { ...props, data };
  // The line alone while the view moves: no label, no hit area.
  return lite ? (
    <BaseEdge id={props.id} path={edgePath(drawn, data.bow)[0]} className={edgeClasses(drawn)} {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})} interactionWidth={0} />
  ) : (
    <FullDependencyEdge {...drawn} />
  );
}

function edgeClasses({ data, selected }: DrawnEdgeProps): string {
  return ['dep-edge', `dep-${data.dependency.type}`, data.severity ? `has-${data.severity}` : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
}

function FullDependencyEdge(props: DrawnEdgeProps) {
  const { t } = useTranslation();
  const { id, data, selected, markerEnd, sourceX, targetX } = props;
  const [path, labelX, labelY] = edgePath(props, data.bow, data.labelAt);
  const { dependency, problems, severity } = data;
  const condition = dependency.condition === undefined ? undefined : describeLogic(dependency.condition);
  const classes = edgeClasses(props);
  const type = t(`dependency.types.${dependency.type}`);
  const whole = condition === undefined ? type : `${type} ${t('dependency.if')} ${condition}`;
  return (
    <>
      <title>{whole}</title>
      <BaseEdge id={id} path={path} className={classes} {...(markerEnd ? { markerEnd } : {})} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div
          className={`dep-label dep-label-${dependency.type} ${selected ? 'is-selected' : ''} ${severity ? `has-${severity}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, maxWidth: `${labelMaxWidth(sourceX, targetX)}px` }}
          data-testid={`edge-label-${dependency.sourceNodeId}-${data.ref.targetNodeId}`}
          data-label={whole}
        >
          <span className="dep-type">{type}</span>
          {condition !== undefined && (
            <span className="dep-condition">
              {t('dependency.if')} {condition}
            </span>
          )}
          <ProblemBadge problems={problems} severity={severity} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
