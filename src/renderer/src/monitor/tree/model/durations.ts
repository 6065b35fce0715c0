import type { NodeView } from '../../../../../shared/task/nodes';

/** Unit labels, from the translations. */
export interface DurationUnits {
  h: string;
  m: string;
  s: string;
}

/**
 * How long a node has run: until its end, or until `now` while it runs; null before it starts.
 * A node that ended without ever starting (skipped) has no duration either.
 */
export function nodeDurationMs(node: Pick<NodeView, 'startTime' | 'endTime' | 'status'>, now: number): number | null {
  if (node.startTime === null) return null;
  if (node.endTime !== null) return Math.max(0, node.endTime - node.startTime);
  if (node.status === 'running' || node.status === 'initializing') return Math.max(0, now - node.startTime);
  return null;
}

/** Whether a node's duration grows by itself, so its row must tick. */
export function isTicking(node: Pick<NodeView, 'startTime' | 'endTime' | 'status'>): boolean {
  return node.startTime !== null && node.endTime === null && (node.status === 'running' || node.status === 'initializing');
}

/** Compact and stable while ticking: 0.4s, 12s, 3m 05s, 1h 02m, 26h 00m. */
export function formatDuration(ms: number, units: DurationUnits): string {
  if (ms < 1000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}${units.s}`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}${units.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}${units.m} ${pad(seconds % 60)}${units.s}`;
  return `${Math.floor(minutes / 60)}${units.h} ${pad(minutes % 60)}${units.m}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
