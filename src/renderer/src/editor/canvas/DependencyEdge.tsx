import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { DependencyFlowEdge } from '../model/flow-mapping';
import { describeLogic } from '../model/logic-preview';
import { ProblemBadge } from './ProblemBadge';

/** A dependency: its type shows as colour, line style and label; a condition adds its preview. */
export function DependencyEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<DependencyFlowEdge>) {
  const { t } = useTranslation();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  if (!data) return null;
  const { dependency, problems, severity } = data;
  const condition = dependency.condition === undefined ? undefined : describeLogic(dependency.condition);
  const classes = ['dep-edge', `dep-${dependency.type}`, severity ? `has-${severity}` : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={classes} {...(markerEnd ? { markerEnd } : {})} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div
          className={`dep-label dep-label-${dependency.type} ${selected ? 'is-selected' : ''} ${severity ? `has-${severity}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-label-${dependency.sourceNodeId}-${data.ref.targetNodeId}`}
        >
          <span className="dep-type">{t(`dependency.types.${dependency.type}`)}</span>
          {condition !== undefined && (
            <span className="dep-condition" title={condition}>
              {t('dependency.if')} {condition}
            </span>
          )}
          <ProblemBadge problems={problems} severity={severity} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
