import { nodeDisplayName, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';

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

/**
 * An agent card's title (its name, else its id) wraps over as many lines as it takes, cut
 * anywhere (styles.css): the card is as tall as its whole title needs, never cut short. Text is
 * not measured here (layouts are computed away from the page), so its width is estimated from
 * 12 px bold glyphs on the safe side: CJK and other wide characters a full em, the rest 0.7 em.
 */
const TITLE_FONT_PX = 12;
const TITLE_LINE_PX = 15;
/** The narrower of the two cards' title widths (the live graph's, beside its status dot). */
const AGENT_TITLE_PX = 156;
/** An agent card holds two title lines at its base height. */
const AGENT_BASE_LINES = 2;

export function textWidthPx(text: string, fontPx: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char.codePointAt(0) ?? 0) ? 1 : 0.7;
  return ems * fontPx;
}

function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x1f300;
}

export function agentHeight(title: string): number {
  const lines = Math.max(1, Math.ceil(textWidthPx(title, TITLE_FONT_PX) / AGENT_TITLE_PX));
  return AGENT_SIZE.height + Math.max(0, lines - AGENT_BASE_LINES) * TITLE_LINE_PX;
}

/**
 * How wide a container must be for its header (kind or status, name, child count) to show its
 * whole name on one line, up to CONTAINER_MAX_AUTO_WIDTH; past that the name wraps in the header.
 */
const CONTAINER_HEAD_EXTRA_PX = 190;
const CONTAINER_NAME_FONT_PX = 13;
export const CONTAINER_MAX_AUTO_WIDTH = 720;

export function containerMinWidth(name: string): number {
  return Math.min(CONTAINER_MAX_AUTO_WIDTH, Math.ceil(textWidthPx(name, CONTAINER_NAME_FONT_PX) + CONTAINER_HEAD_EXTRA_PX));
}

export function nodeSize(node: WorkflowNodeDefinition): { width: number; height: number } {
  if (node.nodeType === 'agent') return { width: node.layout?.width ?? AGENT_SIZE.width, height: agentHeight(nodeDisplayName(node)) };
  const fallback = node.isRoot ? ROOT_SIZE : CONTAINER_SIZE;
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
