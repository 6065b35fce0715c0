import type { Id } from '../../../shared/ids';
import { managedBucket, nodeQuerySchema, type DependencyView, type ManagedNodes, type NodeQuery, type NodeView } from '../../../shared/task/nodes';
import type { NodeStatus } from '../../../shared/status';
import type { Store } from '../store/store';
import { evaluateEdge } from '../../../shared/dependency/evaluator';
import { parseJsonColumn as parse } from './rows';
import { invalidArgument, requireTaskId, taskNotFound } from './task-errors';

/**
 * A task's nodes as stored after the last commit, for the monitor: each with its dependencies
 * (and whether each is satisfied now, by the same evaluator the scheduler uses) and, for
 * containers, the agents they manage at any depth. Works for any task, running or not.
 */
export function queryNodes(store: Store, taskId: Id, query: NodeQuery = {}): NodeView[] {
  requireTaskId(taskId);
  const parsed = nodeQuerySchema.safeParse(query);
  if (!parsed.success) throw invalidArgument('queryNodes', parsed.error.issues[0]!, '(query)');
  const task = store.first(store.kysely.selectFrom('deduction_task').select(['id', 'variables']).where('id', '=', taskId));
  if (!task) throw taskNotFound(taskId);
  const variables = parse(task.variables);

  const rows = store.all(store.kysely.selectFrom('workflow_node').selectAll().where('task_id', '=', taskId).orderBy('id'));
  const byId = new Map(rows.map((row) => [row.node_id, { row, result: row.result === null ? undefined : parse(row.result) }]));
  const dependencies = new Map<string, DependencyView[]>();
  const edges = store.all(
    store.kysely.selectFrom('node_dependency').select(['node_id', 'source_node_id', 'dependency_type', 'condition']).where('task_id', '=', taskId).orderBy('id'),
  );
  for (const edge of edges) {
    const source = byId.get(edge.source_node_id)!;
    const condition = parse(edge.condition);
    const outcome = evaluateEdge({ type: edge.dependency_type, source: source.row.status, condition: condition ?? undefined, result: source.result }, variables);
    let list = dependencies.get(edge.node_id);
    if (!list) dependencies.set(edge.node_id, (list = []));
    list.push({
      sourceNodeId: edge.source_node_id,
      type: edge.dependency_type,
      condition: (condition ?? null) as DependencyView['condition'],
      state: outcome.state,
      satisfied: outcome.state === 'satisfied',
    });
  }

  const managed = managedAgents(rows);
  const wanted = parsed.data.status === undefined ? null : new Set<NodeStatus>(Array.isArray(parsed.data.status) ? parsed.data.status : [parsed.data.status]);
  const views: NodeView[] = [];
  for (const row of rows) {
    if (wanted && !wanted.has(row.status)) continue;
    const view: NodeView = {
      taskId,
      nodeId: row.node_id,
      nodeType: row.node_type,
      kind: row.kind,
      name: row.node_name,
      parentId: row.parent_node_id,
      isRoot: row.is_root === 1,
      level: row.level,
      status: row.status,
      batch: row.current_batch,
      agentLoad: row.agent_load,
      agentMetaId: row.agent_meta_id,
      agentUrl: row.agent_url,
      containerType: row.container_type,
      envConfig: parse(row.env_config),
      bizValue: parse(row.biz_value),
      join: row.join_mode,
      priority: row.priority,
      progress: row.progress,
      result: (byId.get(row.node_id)!.result ?? null) as NodeView['result'],
      errorCode: row.error_code,
      errorMessage: row.error_message,
      engineId: row.engine_id,
      notBefore: row.not_before,
      readyTime: row.ready_time,
      startTime: row.start_time,
      endTime: row.end_time,
      dependencies: dependencies.get(row.node_id) ?? [],
    };
    if (row.node_type === 'container') view.managedNodes = managed.get(row.node_id)!;
    views.push(view);
  }
  return views;
}

/** Agents under each container at any depth, counted bottom-up in one pass over the levels. */
function managedAgents(rows: readonly { node_id: string; node_type: string; parent_node_id: string | null; level: number; status: NodeStatus }[]): Map<string, ManagedNodes> {
  const counts = new Map<string, ManagedNodes>();
  for (const row of rows) if (row.node_type === 'container') counts.set(row.node_id, { total: 0, completed: 0, running: 0, failed: 0, skipped: 0 });
  const deepestFirst = [...rows].sort((a, b) => b.level - a.level);
  for (const row of deepestFirst) {
    const parentId = row.parent_node_id;
    if (parentId === null) continue;
    const into = counts.get(parentId)!;
    if (row.node_type === 'agent') {
      into.total++;
      const bucket = managedBucket(row.status);
      if (bucket) into[bucket]++;
    } else {
      const inner = counts.get(row.node_id)!;
      into.total += inner.total;
      into.completed += inner.completed;
      into.running += inner.running;
      into.failed += inner.failed;
      into.skipped += inner.skipped;
    }
  }
  return counts;
}
