import { useStoreApi } from '@xyflow/react';
import { useEffect, useState, type RefObject } from 'react';
import { covers } from './flow-culling';
import { visibleFrame, type Frame } from './minimap-model';
import { createViewMotion, type ViewMotion } from './view-motion';

/** How long after the last viewport change the view counts as settled. */
const SETTLE_MS = 200;

export interface ViewMotionState {
  /** For what mounts while the view moves (view-motion.ts); null when not enabled. */
  motion: ViewMotion | null;
  /** While a zoom out is under way, the part of the flow that was in view when it began; else null. */
  frozen: Frame | null;
}

/**
 * How a large flow's view is moving (drag, wheel, minimap and programmatic moves alike), read
 * from xyflow's store without a React render per frame: `element` carries `is-moving` until
 * the view has been still for SETTLE_MS (the styles then draw the flow cheaply), what mounts
 * meanwhile mounts light, and a zoom out keeps to what was in view when it began (`frozen`),
 * the rest filling in once it rests, as map tiles do: mounting the nodes a zoom-out brings into
 * view, dozens a step, was what made its slow frames (bench/editor-ui).
 */
export function useViewMotion(element: RefObject<HTMLElement | null>, enabled: boolean): ViewMotionState {
  const store = useStoreApi();
  const [frozen, setFrozen] = useState<Frame | null>(null);
  const [motion] = useState(() =>
    createViewMotion(SETTLE_MS, (moving) => {
      element.current?.classList.toggle('is-moving', moving);
      if (!moving) setFrozen(null);
    }),
  );
  useEffect(() => {
    if (!enabled) return;
    let last = store.getState().transform;
    let zooming = false;
    const unsubscribe = store.subscribe((state) => {
      if (state.transform === last) return;
      if (!motion.moving) zooming = false;
      // Only a zoom out around a point brings more into view; a jump elsewhere (opening, Find) is not frozen.
      if (!zooming && state.transform[2] < last[2] && state.width > 0) {
        const before = visibleFrame(last, state.width, state.height);
        if (covers(visibleFrame(state.transform, state.width, state.height), before, 1)) {
          zooming = true;
          setFrozen(before);
        }
      }
      last = state.transform;
      motion.marker.moved();
    });
    return () => {
      unsubscribe();
      motion.marker.dispose();
    };
  }, [store, motion, enabled]);
  return { motion: enabled ? motion : null, frozen: enabled ? frozen : null };
}
