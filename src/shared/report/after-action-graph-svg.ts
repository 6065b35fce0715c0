import type { NodeState } from '../review/moment-state';
import { NOT_YET_STATE } from '../review/moment-state';
import type { NodeStatus } from '../status';
import { AFTER_ACTION_LIMITS, type AfterActionEdge, type AfterActionNode } from './after-action';
import { escapeHtml } from './escape';
import { REPORT_STATUS_COLORS } from './status-colors';

const BOX_WIDTH = 150;
const BOX_HEIGHT = 30;
const COLUMN_GAP = 40;
const ROW_GAP = 10;
const PAD = 8;
const LABEL_CHARS = 20;
/** Statuses pale enough that their label reads better in black. */
const LIGHT: ReadonlySet<NodeStatus> = new Set(['pending', 'skipped', 'waiting']);

export interface GraphLayout {
  /** Column of each node drawn, from the left. */
  columns: Map<string, number>;
  /** Row of each node within its column. */
  rows: Map<string, number>;
  width: number;
  height: number;
}

/**
 * Columns by dependency: a node stands right of every node it depends on and of its container,
 * so the graph reads left to right as the run went. The root is left out: it holds everything.
 */
export function layoutGraph(nodes: readonly AfterActionNode[], edges: readonly AfterActionEdge[]): GraphLayout {
  const drawn = nodes.filter((node) => node.parentId !== null).slice(0, AFTER_ACTION_LIMITS.graphNodes);
  const byId = new Map(drawn.map((node) => [node.nodeId, node]));
  const sources = new Map<string, string[]>();
  for (const edge of edges) if (byId.has(edge.nodeId) && byId.has(edge.sourceNodeId)) sources.set(edge.nodeId, [...(sources.get(edge.nodeId) ?? []), edge.sourceNodeId]);
  const columns = new Map<string, number>();
  const visiting = new Set<string>();
  const columnOf = (nodeId: string): number => {
    const known = columns.get(nodeId);
    if (known !== undefined) return known;
    // A cycle cannot pass validation; should one reach here, it is cut rather than followed.
    if (visiting.has(nodeId)) return 0;
    visiting.add(nodeId);
    const node = byId.get(nodeId)!;
    let column = node.parentId !== null && byId.has(node.parentId) ? columnOf(node.parentId) + 1 : 0;
    for (const source of sources.get(nodeId) ?? []) column = Math.max(column, columnOf(source) + 1);
    visiting.delete(nodeId);
    columns.set(nodeId, column);
    return column;
  };
  const rows = new Map<string, number>();
  const filled: number[] = [];
  for (const node of drawn) {
    const column = columnOf(node.nodeId);
    rows.set(node.nodeId, filled[column] ?? 0);
    filled[column] = (filled[column] ?? 0) + 1;
  }
  const columnCount = filled.length;
  const rowCount = Math.max(0, ...filled);
  return {
    columns,
    rows,
    width: PAD * 2 + columnCount * BOX_WIDTH + Math.max(0, columnCount - 1) * COLUMN_GAP,
    height: PAD * 2 + rowCount * BOX_HEIGHT + Math.max(0, rowCount - 1) * ROW_GAP,
  };
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : text;
}

/**
 * The graph at one moment as a standalone SVG: a box per node coloured by its status then
 * (containers outlined dashed), an arrow per dependency; names and statuses in each box's tooltip.
 */
export function renderGraphSvg(
  nodes: readonly AfterActionNode[],
  edges: readonly AfterActionEdge[],
  layout: GraphLayout,
  states: ReadonlyMap<string, NodeState>,
  statusLabel: (status: NodeStatus) => string,
): string {
  const x = (nodeId: string) => PAD + layout.columns.get(nodeId)! * (BOX_WIDTH + COLUMN_GAP);
  const y = (nodeId: string) => PAD + layout.rows.get(nodeId)! * (BOX_HEIGHT + ROW_GAP);
  const lines = edges
    .filter((edge) => layout.columns.has(edge.nodeId) && layout.columns.has(edge.sourceNodeId))
    .map((edge) => {
      const x1 = x(edge.sourceNodeId) + BOX_WIDTH;
      const y1 = y(edge.sourceNodeId) + BOX_HEIGHT / 2;
      const x2 = x(edge.nodeId);
      const y2 = y(edge.nodeId) + BOX_HEIGHT / 2;
      return `<path class="aar-edge" d="M${x1} ${y1} C${x1 + COLUMN_GAP / 2} ${y1} ${x2 - COLUMN_GAP / 2} ${y2} ${x2} ${y2}" marker-end="url(#aar-arrow)"/>`;
    });
  const boxes = nodes
    .filter((node) => layout.columns.has(node.nodeId))
    .map((node) => {
      const status = (states.get(node.nodeId) ?? NOT_YET_STATE).status;
      const label = node.name && node.name !== node.nodeId ? `${node.nodeId} · ${node.name}` : node.nodeId;
      const dashed = node.nodeType === 'container' ? ' stroke-dasharray="4 3"' : '';
      return `<g transform="translate(${x(node.nodeId)},${y(node.nodeId)})" data-node="${escapeHtml(node.nodeId)}" data-status="${status}"><title>${escapeHtml(label)}: ${escapeHtml(statusLabel(status))}</title><rect width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="4" fill="${REPORT_STATUS_COLORS[status]}" stroke="#37474f"${dashed}/><text x="6" y="19" fill="${LIGHT.has(status) ? '#111' : '#fff'}">${escapeHtml(clip(label))}</text></g>`;
    });
  return `<svg class="aar-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img"><defs><marker id="aar-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0 L8 4 L0 8 Z" fill="#607d8b"/></marker></defs>${lines.join('')}${boxes.join('')}</svg>`;
}
