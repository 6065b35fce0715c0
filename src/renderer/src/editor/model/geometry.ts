import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';

/**
 * Sizes and coordinates on the canvas. A node's `layout` is relative to its parent container
 * (the root's is absolute), the way xyflow places child nodes, so a container's subtree can be
 * moved, copied or re-laid-out without touching its descendants.
 */
export const AGENT_SIZE = { width: 200, height: 64 } as const;
export const CONTAINER_SIZE = { width: 360, height: 220 } as const;
export const ROOT_SIZE = { width: 960, height: 560 } as const;
/** Room for a container's title bar above its children. */
export const CONTAINER_HEADER = 40;
export const CONTAINER_PADDING = 24;

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

export function nodeSize(node: WorkflowNodeDefinition): { width: number; height: number } {
  const fallback = node.nodeType === 'agent' ? AGENT_SIZE : node.isRoot ? ROOT_SIZE : CONTAINER_SIZE;
  return { width: node.layout?.width ?? fallback.width, height: node.layout?.height ?? fallback.height };
}

export function nodePosition(node: WorkflowNodeDefinition): Point {
  return { x: node.layout?.x ?? 0, y: node.layout?.y ?? 0 };
}

export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

export function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}
