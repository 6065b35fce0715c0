/**
 * Tells `mark` when a view starts moving and when it has been still for `settleMs`, from a
 * stream of "it moved" calls: one call per change, however many changes a gesture makes.
 */
export interface MotionMarker {
  moved(): void;
  /** Stops the timer; a view marked moving is marked still. */
  dispose(): void;
}

export function createMotionMarker(mark: (moving: boolean) => void, settleMs: number): MotionMarker {
  let moving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!moving) return;
    moving = false;
    mark(false);
  };
  return {
    moved() {
      if (!moving) {
        moving = true;
        mark(true);
      }
      clearTimeout(timer);
      timer = setTimeout(settle, settleMs);
    },
    dispose: settle,
  };
}
