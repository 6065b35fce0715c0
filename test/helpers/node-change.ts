import type { NodeChange } from '../../src/shared/task/changes';

/** A node change as a commit reports it: batch 1, nothing else set unless given. */
export function nodeChange(nodeId: string, status: NodeChange['status'], extra: Partial<NodeChange> = {}): NodeChange {
  return { nodeId, status, batch: 1, progress: 0, result: null, errorCode: null, errorMessage: null, engineId: null, notBefore: null, readyTime: null, startTime: null, endTime: null, ...extra };
}
