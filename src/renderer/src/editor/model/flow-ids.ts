import type { DependencyRef } from './document';

/**
 * Edge ids name a dependency by its place in its owner's list and the owner's id. The index
 * comes first, so any node id (which may hold any printable text) parses back unambiguously.
 */
const EDGE_ID = /^dep:(\d+):([\s\S]+)$/;

export function edgeId(targetNodeId: string, index: number): string {
  return `dep:${index}:${targetNodeId}`;
}

export function parseEdgeId(id: string): DependencyRef | undefined {
  const match = EDGE_ID.exec(id);
  if (!match) return undefined;
  return { index: Number(match[1]), targetNodeId: match[2] ?? '' };
}
