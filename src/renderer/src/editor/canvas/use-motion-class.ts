import { useStoreApi } from '@xyflow/react';
import { useEffect, useState, type RefObject } from 'react';
import { createViewMotion, type ViewMotion } from './view-motion';

/** How long after the last viewport change the view counts as settled. */
const SETTLE_MS = 200;

/**
 * Puts `is-moving` on `element` while the flow's viewport changes (drag, wheel, minimap,
 * programmatic moves alike) and until it has been still for SETTLE_MS, and returns the same
 * as a ViewMotion for what mounts meanwhile. It reads xyflow's store directly and touches the
 * class list, not React state: a pan frame must not re-render the canvas. The class lets a
 * large flow draw itself cheaply while moving (styles.css). Null when not enabled.
 */
export function useMotionClass(element: RefObject<HTMLElement | null>, enabled: boolean): ViewMotion | null {
  const store = useStoreApi();
  const [motion] = useState(() => createViewMotion(SETTLE_MS, (moving) => element.current?.classList.toggle('is-moving', moving)));
  useEffect(() => {
    if (!enabled) return;
    let last = store.getState().transform;
    const unsubscribe = store.subscribe((state) => {
      if (state.transform === last) return;
      last = state.transform;
      motion.marker.moved();
    });
    return () => {
      unsubscribe();
      motion.marker.dispose();
    };
  }, [store, motion, enabled]);
  return enabled ? motion : null;
}
