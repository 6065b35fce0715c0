import type { Store } from '../../src/main/core/store/store';

/** Minimal valid rows for constraint and cascade tests, written with raw SQL on purpose. */
export function insertTask(store: Store, id: bigint | string = store.ids.next(), status = 'pending'): string {
  store.db
    .prepare(
      `INSERT INTO deduction_task (id, task_name, status, root_node_id, total_nodes, total_containers, total_agents, created_at, updated_at)
       VALUES (?, ?, ?, 'root', 2, 1, 1, 1, 1)`,
    )
    .run(BigInt(id), `task ${id}`, status);
  store.db.prepare(`INSERT INTO deduction_task_snapshot (task_id, workflow_snapshot) VALUES (?, '{"name":"task"}')`).run(BigInt(id));
  return String(id);
}

export function insertNode(
  store: Store,
  taskId: string,
  nodeId: string,
  options: { type?: 'container' | 'agent'; parent?: string | null; status?: string } = {},
): void {
  const type = options.type ?? 'agent';
  store.db
    .prepare(
      `INSERT INTO workflow_node (id, task_id, node_id, node_type, parent_node_id, is_root, agent_load, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1)`,
    )
    .run(BigInt(store.ids.next()), BigInt(taskId), nodeId, type, options.parent ?? null, options.parent ? 0 : 1, type === 'agent' ? 'sim' : null, options.status ?? 'pending');
}

/** A new task holding a root container with the given agents directly under it; its id. */
export function insertTaskWithAgents(store: Store, agentIds: readonly string[]): string {
  const taskId = insertTask(store);
  store.transaction(() => {
    insertNode(store, taskId, 'root', { type: 'container' });
    for (const nodeId of agentIds) insertNode(store, taskId, nodeId, { parent: 'root' });
  });
  return taskId;
}
