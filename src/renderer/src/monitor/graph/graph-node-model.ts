import type { NodeStatus } from '../../../../shared/status';
import type { ManagedNodes } from '../../../../shared/task/nodes';
import { endedShare } from '../../../../shared/task/progress';

/** Class names of a graph node: its kind, its status (which picks the colour), and selection. */
export function nodeClasses(kind: string, status: NodeStatus, selected: boolean): string {
  return `graph-node ${kind} graph-status-${status}${selected ? ' is-selected' : ''}`;
}

/** How far a container has got: the share of its agents that have ended, whichever way. */
export function containerShare(managed: ManagedNodes | undefined): number {
  return endedShare(managed);
}
