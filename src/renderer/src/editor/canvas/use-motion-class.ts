import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { createMotionMarker } from './motion-marker';

/** How long after the last viewport change the view counts as settled. */
const SETTLE_MS = 200;

/**
 * Puts `is-moving` on `element` while the flow's viewport changes (drag, wheel, minimap,
 * programmatic moves alike) and until it has been still for SETTLE_MS. It reads xyflow's
 * store directly and touches the class list, not React state: a pan frame must not re-render
 * the canvas. The class lets a large flow draw its edges cheaply while moving (styles.css).
 */
export function useMotionClass(element: RefObject<HTMLElement | null>, enabled: boolean): void {
  const store = useStoreApi();
  useEffect(() => {
    if (!enabled) return;
    const marker = createMotionMarker((moving) => element.current?.classList.toggle('is-moving', moving), SETTLE_MS);
    let last = store.getState().transform;
    const unsubscribe = store.subscribe((state) => {
      if (state.transform === last) return;
      last = state.transform;
      marker.moved();
    });
    return () => {
      unsubscribe();
      marker.dispose();
    };
  }, [store, element, enabled]);
}
