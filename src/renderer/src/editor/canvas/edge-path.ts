import { getBezierPath, type Position } from '@xyflow/react';

/** How far the middle of a bowed line sits from the straight way between its ends. */
export const BOW_PX = 30;
/** The least reach of a bowed line's control points out of its handles, so that it leaves and enters them level. */
const MIN_REACH_PX = 60;

export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/**
 * An edge's line and the point its label sits at: xyflow's bezier, or, for one of two
 * dependencies between the same nodes in opposite directions, a curve bowed to the side `bow`
 * (screen y: -1 up, 1 down), so that the two lines of a two-node cycle lie apart and each can
 * be seen, flagged and clicked.
 */
export function edgePath(ends: EdgeEnds, bow: 1 | -1 | undefined): [path: string, labelX: number, labelY: number] {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = ends;
  if (!bow) {
    const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    return [path, labelX, labelY];
  }
  const reach = Math.max(Math.abs(targetX - sourceX) / 2, MIN_REACH_PX);
  // A cubic's middle lies 3/4 of the way from its ends' middle to its control points' middle.
  const lift = (bow * BOW_PX * 4) / 3;
  const path = `M${sourceX},${sourceY} C${sourceX + reach},${sourceY + lift} ${targetX - reach},${targetY + lift} ${targetX},${targetY}`;
  return [path, (sourceX + targetX) / 2, (sourceY + targetY) / 2 + bow * BOW_PX];
}

/** The widest a label gets, and what it keeps clear of the cards at its edge's ends. */
const LABEL_MAX_PX = 160;
const LABEL_MIN_PX = 40;
const LABEL_CLEARANCE_PX = 12;

/**
 * A label sits in the middle of its line; between two cards side by side it is no wider than
 * the gap between them, so that it never covers either card (the full text is the line's tooltip).
 */
export function labelMaxWidth(sourceX: number, targetX: number): number {
  const span = targetX - sourceX;
  return span > 0 ? Math.max(LABEL_MIN_PX, Math.min(LABEL_MAX_PX, span - 2 * LABEL_CLEARANCE_PX)) : LABEL_MAX_PX;
}
