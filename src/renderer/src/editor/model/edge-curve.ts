import type { Point } from './geometry';

/**
 * A dependency's line as a cubic curve from its source's right side to its target's left side:
 * xyflow's bezier (getBezierPath, curvature 0.25), or, for one of two dependencies between the
 * same nodes in opposite directions, a curve bowed to the side `bow` (screen y: -1 up, 1 down),
 * so that the two lines of a two-node cycle lie apart. The editor draws it (canvas/edge-path.ts)
 * and places labels along it (label-placement.ts) from this one definition.
 */
export type Curve = readonly [Point, Point, Point, Point];

/** How far the middle of a bowed line sits from the straight way between its ends. */
export const BOW_PX = 30;
/** The least reach of a bowed line's control points out of its handles, so that it leaves and enters them level. */
const MIN_REACH_PX = 60;
const CURVATURE = 0.25;
/** Where a label sits on its line unless that is on a card. */
export const MIDDLE = 0.5;

/** The widest a label gets, and what it keeps clear of the cards at its edge's ends. */
const LABEL_MAX_PX = 160;
const LABEL_MIN_PX = 40;
const LABEL_CLEARANCE_PX = 12;

/**
 * Between two cards side by side a label is no wider than the gap between them, so that it never
 * covers either card (the full text is the line's tooltip).
 */
export function labelMaxWidth(sourceX: number, targetX: number): number {
  const span = targetX - sourceX;
  return span > 0 ? Math.max(LABEL_MIN_PX, Math.min(LABEL_MAX_PX, span - 2 * LABEL_CLEARANCE_PX)) : LABEL_MAX_PX;
}

const controlOffset = (distance: number) => (distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance));

export function edgeCurve(from: Point, to: Point, bow: 1 | -1 | undefined): Curve {
  if (!bow) {
    const reach = controlOffset(to.x - from.x);
    return [from, { x: from.x + reach, y: from.y }, { x: to.x - reach, y: to.y }, to];
  }
  const reach = Math.max(Math.abs(to.x - from.x) / 2, MIN_REACH_PX);
  // A cubic's middle lies 3/4 of the way from its ends' middle to its control points' middle.
  const lift = (bow * BOW_PX * 4) / 3;
  return [from, { x: from.x + reach, y: from.y + lift }, { x: to.x - reach, y: to.y + lift }, to];
}

export function pointOnCurve([p0, p1, p2, p3]: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

export function curvePath([p0, p1, p2, p3]: Curve): string {
  return `M${p0.x},${p0.y} C${p1.x},${p1.y} ${p2.x},${p2.y} ${p3.x},${p3.y}`;
}
