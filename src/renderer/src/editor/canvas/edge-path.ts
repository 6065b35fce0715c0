import type { Position } from '@xyflow/react';
import { curvePath, edgeCurve, MIDDLE, pointOnCurve } from '../model/edge-curve';

export { BOW_PX, labelMaxWidth } from '../model/edge-curve';

export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/**
 * An edge's line (model/edge-curve.ts: xyflow's bezier, or bowed apart from its opposite) and
 * the point its label sits at, `labelAt` along the line (label-placement.ts; the middle unless
 * the middle lies on a card).
 */
export function edgePath(ends: EdgeEnds, bow: 1 | -1 | undefined, labelAt = MIDDLE): [path: string, labelX: number, labelY: number] {
  const curve = edgeCurve({ x: ends.sourceX, y: ends.sourceY }, { x: ends.targetX, y: ends.targetY }, bow);
  const label = pointOnCurve(curve, labelAt);
  return [curvePath(curve), label.x, label.y];
}
