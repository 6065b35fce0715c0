import { useReactFlow, type FitViewOptions, type Viewport } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { absoluteRect, findRoot } from '../model/document';
import type { Rect } from '../model/geometry';

/** Whether `rect` (flow coordinates) lies wholly inside a view of `width` × `height` pixels. */
export function rectInView(rect: Rect, view: Viewport, width: number, height: number): boolean {
  const left = view.x + rect.x * view.zoom;
  const top = view.y + rect.y * view.zoom;
  // A pixel of slack for rounding.
  return left >= -1 && top >= -1 && left + rect.width * view.zoom <= width + 1 && top + rect.height * view.zoom <= height + 1;
}

/**
 * A drop near or past the root's edge grows the root, which then ran off the view and looked
 * as if the view had jumped: when the root was wholly in view before a drop and is not after
 * it, the view fits the root again (and with it the dropped node, which lies inside).
 * Returns what the canvas calls just before it applies a drop. Large flows, whose root is
 * never wholly in view, are left alone.
 */
export function useKeepRootInView(element: RefObject<HTMLElement | null>, definition: WorkflowDefinition, enabled: boolean, fit: FitViewOptions) {
  const flow = useReactFlow();
  const pending = useRef<string | null>(null);
  const rootInView = (current: WorkflowDefinition): boolean | undefined => {
    const root = findRoot(current);
    const box = element.current?.getBoundingClientRect();
    if (!root || !box) return undefined;
    return rectInView(absoluteRect(current, root.nodeId), flow.getViewport(), box.width, box.height);
  };
  // Runs after xyflow (a child) has taken the grown root into its store.
  useEffect(() => {
    const rootId = pending.current;
    if (!rootId) return;
    pending.current = null;
    if (rootInView(definition) === false) void flow.fitView({ ...fit, nodes: [{ id: rootId }] });
  });
  return (current: WorkflowDefinition) => {
    const root = findRoot(current);
    if (enabled && root && rootInView(current)) pending.current = root.nodeId;
  };
}
