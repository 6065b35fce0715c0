/** The minimap's size in the live graph (LiveGraph), and the margin xyflow's panels keep from the edge. */
export const MINIMAP_SIZE = { width: 160, height: 110 } as const;
const PANEL_MARGIN_PX = 15;
const CLEAR_PX = 16;
/** Below the legend at the top left, right of the zoom controls at the bottom left. */
const TOP_PX = 44;
const LEFT_PX = 52;
/** A small graph is magnified up to this to fill a large screen; beyond it, text would be larger than it is useful. */
export const FIT_MAX_ZOOM = 2;

type Px = `${number}px`;

export interface FitPadding {
  top: Px;
  right: Px;
  bottom: Px;
  left: Px;
}

/**
 * How the live graph fits a view of `view` pixels: as large as the view allows in both
 * directions, the minimap's corner kept clear. The corner is taken from the side the graph
 * does not fill anyway: below a graph wider than the view's shape, beside one taller.
 */
export function fitPadding(graph: { width: number; height: number }, view: { width: number; height: number }): FitPadding {
  const reserveX = MINIMAP_SIZE.width + PANEL_MARGIN_PX + CLEAR_PX;
  const reserveY = MINIMAP_SIZE.height + PANEL_MARGIN_PX + CLEAR_PX;
  const px = (value: number): Px => `${value}px`;
  const wide = graph.width * (view.height - TOP_PX - CLEAR_PX) >= graph.height * (view.width - LEFT_PX - CLEAR_PX);
  return wide
    ? { top: px(TOP_PX), right: px(CLEAR_PX), bottom: px(reserveY), left: px(LEFT_PX) }
    : { top: px(TOP_PX), right: px(reserveX), bottom: px(CLEAR_PX), left: px(LEFT_PX) };
}
