import type { VisibleRow } from './visible-rows';

export type TreeKeyAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; nodeId: string }
  | { type: 'collapse'; nodeId: string }
  | { type: 'select'; nodeId: string };

/**
 * The tree grid's keyboard, as WAI-ARIA's tree pattern has it: Up/Down move, Right opens a
 * closed container or moves to its first child, Left closes an open one or moves to the
 * parent, Home/End go to the ends, Enter (or Space) selects. Null for other keys.
 */
export function treeKeyAction(key: string, rows: readonly VisibleRow[], focused: number): TreeKeyAction | null {
  if (rows.length === 0) return null;
  const at = Math.min(Math.max(focused, 0), rows.length - 1);
  const row = rows[at]!;
  switch (key) {
    case 'ArrowDown':
      return { type: 'focus', index: Math.min(at + 1, rows.length - 1) };
    case 'ArrowUp':
      return { type: 'focus', index: Math.max(at - 1, 0) };
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (row.hasChildren && !row.expanded) return { type: 'expand', nodeId: row.node.nodeId };
      if (row.hasChildren) return { type: 'focus', index: Math.min(at + 1, rows.length - 1) };
      return null;
    case 'ArrowLeft': {
      if (row.hasChildren && row.expanded) return { type: 'collapse', nodeId: row.node.nodeId };
      const parent = row.node.parentId;
      if (parent === null) return null;
      for (let up = at - 1; up >= 0; up--) if (rows[up]!.node.nodeId === parent) return { type: 'focus', index: up };
      return null;
    }
    case 'Enter':
    case ' ':
      return { type: 'select', nodeId: row.node.nodeId };
    default:
      return null;
  }
}
