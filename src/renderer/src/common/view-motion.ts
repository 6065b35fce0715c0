import { createContext, useContext, useEffect, useState } from 'react';
import { createMotionMarker, type MotionMarker } from './motion-marker';

/**
 * Whether a large flow's view is moving, for the nodes and edges that come into view while it
 * does (use-view-motion.ts feeds it). One per canvas.
 */
export interface ViewMotion {
  readonly moving: boolean;
  /** Calls `listener` once the view has settled (at once if it has); returns an unsubscribe. */
  onSettle(listener: () => void): () => void;
}

export interface ViewMotionSource extends ViewMotion {
  readonly marker: MotionMarker;
}

/** A ViewMotion driven by a motion marker; `mark` also hears every change (the canvas class). */
export function createViewMotion(settleMs: number, mark: (moving: boolean) => void): ViewMotionSource {
  const settled = new Set<() => void>();
  let moving = false;
  const marker = createMotionMarker((now) => {
    moving = now;
    mark(now);
    if (now) return;
    const waiting = [...settled];
    settled.clear();
    for (const listener of waiting) listener();
  }, settleMs);
  return {
    marker,
    get moving() {
      return moving;
    },
    onSettle(listener) {
      if (!moving) {
        listener();
        return () => undefined;
      }
      settled.add(listener);
      return () => settled.delete(listener);
    },
  };
}

export const ViewMotionContext = createContext<ViewMotion | null>(null);

/**
 * True for a node or edge that mounted while its view was moving, until the view settles: it
 * then draws a light version (no text, handles or label), since mounting the full one, dozens
 * a frame, was what made the slow frames of a zoom-out (bench/editor-ui).
 */
export function useLiteWhileMoving(): boolean {
  const motion = useContext(ViewMotionContext);
  const [lite, setLite] = useState(() => motion?.moving ?? false);
  useEffect(() => (lite && motion ? motion.onSettle(() => setLite(false)) : undefined), [lite, motion]);
  return lite;
}

/**
 * `value`, except that while the view moves the one it had when the motion began: a view
 * that follows a live source (the monitor's graph) takes its changes once it rests.
 */
export function useHeldWhileMoving<T>(value: T, motion: ViewMotion | null): T {
  const [held, setHeld] = useState(value);
  useEffect(() => (motion ? motion.onSettle(() => setHeld(value)) : undefined), [value, motion]);
  return motion ? held : value;
}
