import type { NodeRef } from './protocol';

/*
 * Map keys for a node and for one execution (attempt) of it, joined by NUL: task ids are
 * decimal and node ids refuse control characters, so no id can contain the separator and
 * every key parses back to the parts it was built from.
 */
const SEPARATOR = '\u0000';

/** One node of one task. */
export function nodeKey(taskId: string, nodeId: string): string {
  return taskId + SEPARATOR + nodeId;
}

/** One execution: a node's attempt `batch`. */
export function executionKey(ref: NodeRef): string {
  return nodeKey(ref.taskId, ref.nodeId) + SEPARATOR + ref.batch;
}

/**
 * An execution's key as text a person can read (node_execution.engine_node_id):
 * `<task id>/<node id>/<batch>`. The Engine protocol gives an execution no id of its own; the
 * Engine knows it by this triple.
 */
export function printableExecutionKey(ref: NodeRef): string {
  return `${ref.taskId}/${ref.nodeId}/${ref.batch}`;
}

export function parseExecutionKey(key: string): NodeRef {
  const [taskId, nodeId, batch] = key.split(SEPARATOR);
  if (taskId === undefined || nodeId === undefined || batch === undefined) throw new Error(`${JSON.stringify(key)} is not an execution key`);
  return { taskId, nodeId, batch: Number(batch) };
}
