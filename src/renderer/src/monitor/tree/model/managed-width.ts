import type { ManagedNodes } from '../../../../../shared/task/nodes';

/** Rem per digit or slash of the Managed column's tabular figures (0.85rem text), with room to spare. */
const CHAR_REM = 0.55;
/** A count's status icon and the gaps around it (tree.css .tree-managed and .tree-managed-count). */
const COUNT_REM = 0.75 + 0.1 + 0.45;
/** Never narrower than the column's heading needs. */
export const MIN_MANAGED_REM = 5.5;

const digits = (count: number) => String(count).length;

/** The rem one container's managed figures take: "completed/total" and each nonzero count with its icon. */
export function managedRem(managed: ManagedNodes): number {
  let width = (digits(managed.completed) + 1 + digits(managed.total)) * CHAR_REM;
  for (const count of [managed.running, managed.failed, managed.skipped]) if (count > 0) width += COUNT_REM + digits(count) * CHAR_REM;
  return width;
}

/**
 * The Managed column's width for a task: the widest container's figures, so no row is clipped.
 * Rows are virtualized (each its own grid), so the width is set once for all of them.
 */
export function managedColumnRem(nodes: Iterable<{ managedNodes?: ManagedNodes | undefined }>): number {
  let widest = MIN_MANAGED_REM;
  for (const node of nodes) if (node.managedNodes) widest = Math.max(widest, managedRem(node.managedNodes));
  return Math.ceil(widest * 4) / 4;
}
