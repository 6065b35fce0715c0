/**
 * A flow of more nodes than this opens at a readable zoom on its top-left corner instead of
 * fitted whole, draws only the nodes in view, and cannot be zoomed out past LARGE_MIN_ZOOM: a
 * view of thousands of nodes at once would put all of them in the page on every frame.
 */
export const LARGE_FROM = 400;
export const LARGE_MIN_ZOOM = 0.2;
/** Below the panels that sit over the top-left corner. */
export const LARGE_START = { x: 16, y: 40, zoom: 0.6 } as const;

/** The view settings the editor's canvas and the monitor's graph share, by the flow's size. */
export function flowViewProps(large: boolean, smallMinZoom: number) {
  return { onlyRenderVisibleElements: large, minZoom: large ? LARGE_MIN_ZOOM : smallMinZoom, maxZoom: 2.5, fitView: !large, defaultViewport: LARGE_START, proOptions: { hideAttribution: true } };
}
