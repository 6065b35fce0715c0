import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';

/** How far the pointer must move before a press on a container's empty space counts as a pan, not a click. */
const CLICK_SLOP_PX = 3;

/**
 * Containers cover the canvas (the root covers all of it), and xyflow does not pan from inside
 * a draggable node: this pans the view from a container's empty space, as from the pane,
 * while the container itself moves only by its header (its `dragHandle`). Returns the body's
 * mouse-down and click handlers; a click that ended a pan does not also select the container.
 */
export function useContainerPan() {
  const flow = useReactFlow();
  const panned = useRef(false);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const onMouseDown = (event: ReactMouseEvent) => {
    if (event.button !== 0 || event.shiftKey || event.target !== event.currentTarget) return;
    // Not a text selection across the page.
    event.preventDefault();
    const start = { x: event.clientX, y: event.clientY };
    const from = flow.getViewport();
    panned.current = false;
    const move = (moved: MouseEvent) => {
      const dx = moved.clientX - start.x;
      const dy = moved.clientY - start.y;
      if (!panned.current && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
      panned.current = true;
      void flow.setViewport({ x: from.x + dx, y: from.y + dy, zoom: from.zoom });
    };
    const up = () => stop.current?.();
    stop.current = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      stop.current = null;
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  const onClick = (event: ReactMouseEvent) => {
    if (!panned.current) return;
    panned.current = false;
    event.stopPropagation();
  };
  return { onMouseDown, onClick };
}

/** Shift+wheel pans the view sideways (xyflow zooms on the wheel and ignores the shifted one). */
export function useShiftWheelPan(element: RefObject<HTMLElement | null>) {
  const flow = useReactFlow();
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.shiftKey || event.ctrlKey || event.metaKey) return;
      const delta = event.deltaX !== 0 ? event.deltaX : event.deltaY;
      if (delta === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const view = flow.getViewport();
      void flow.setViewport({ x: view.x - delta, y: view.y, zoom: view.zoom });
    };
    target.addEventListener('wheel', onWheel, { capture: true, passive: false });
    return () => target.removeEventListener('wheel', onWheel, { capture: true });
  }, [element, flow]);
}
