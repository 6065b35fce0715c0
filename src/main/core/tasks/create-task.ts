import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { createTaskOptionsSchema, type CreateTaskOptions, type CreateTaskResult } from '../../../shared/task/create';
import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import { formatPlace } from '../../../shared/workflow/problems';
import { buildTree } from '../../../shared/workflow/tree';
import { validateWorkflow } from '../../../shared/workflow/validate';
import type { Store } from '../store/store';
import { rowInserter, TRANSITION_COLUMNS } from '../scheduler/statements';
import { invalidArgument, invalidWorkflow } from './task-errors';

const NODE_COLUMNS = [
  'id',
  'task_id',
  'node_id',
  'node_type',
  'node_name',
  'parent_node_id',
  'is_root',
  'level',
  'agent_load',
  'agent_config',
  'container_config',
  'join_mode',
  'priority',
  'retry_policy',
  'timeout_ms',
  'pin',
  'activation',
  'created_at',
  'updated_at',
] as const;

const DEPENDENCY_COLUMNS = ['id', 'task_id', 'node_id', 'source_node_id', 'dependency_type', 'condition', 'created_at'] as const;

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Validates a workflow definition and, in one transaction, writes the task (with the
 * normalized definition as its snapshot, its variables and node counts), every node (with its
 * level in the tree), every dependency and each node's first transition (→ pending). On any
 * validation error nothing is written and an ApiError carries every problem found.
 * `agents` (the Engines' catalog) has agent configs checked against their manifests.
 */
export function createTask(store: Store, definition: unknown, options: CreateTaskOptions = {}, now: number = Date.now(), agents?: readonly AgentCatalogEntry[]): CreateTaskResult {
  const parsedOptions = createTaskOptionsSchema.safeParse(options);
  if (!parsedOptions.success) throw invalidArgument('createTask options', parsedOptions.error.issues[0]!, '(options)');
  const settings = parsedOptions.data;
  const validation = validateWorkflow(definition, agents === undefined ? {} : { agents });
  if (!validation.ok || !validation.definition) {
    const errors = validation.problems.filter((problem) => problem.severity === 'error');
    const first = errors[0];
    const summary = first ? `; first: ${formatPlace(first)}: ${first.message}` : '';
    throw invalidWorkflow(validation.problems, summary, errors.length);
  }
  const workflow = validation.definition;
  const tree = buildTree(workflow);
  const variables = { ...workflow.variables, ...settings.variables };
  const taskId = store.ids.nextBigInt();
  let containers = 0;
  for (const node of workflow.nodes) if (node.nodeType === 'container') containers++;
  const total = workflow.nodes.length;

  const nodeRows: unknown[] = [];
  const dependencyRows: unknown[] = [];
  const transitionRows: unknown[] = [];
  for (const id of tree.order) {
    const node = tree.nodes.get(id)!;
    const agent = node.nodeType === 'agent';
    nodeRows.push(
      store.ids.nextBigInt(),
      taskId,
      id,
      node.nodeType,
      node.name ?? node.containerName ?? null,
      node.parentId,
      node.isRoot ? 1 : 0,
      tree.depth.get(id)!,
      agent ? (node.agentLoad ?? null) : null,
      agent ? json(node.agentConfig) : null,
      agent ? null : json(node.containerConfig),
      node.join,
      node.priority,
      json(node.retry),
      node.timeoutMs ?? null,
      json(node.pin),
      json(node.activation),
      now,
      now,
    );
    for (const dependency of node.dependencies) {
      dependencyRows.push(store.ids.nextBigInt(), taskId, id, dependency.sourceNodeId, dependency.type, json(dependency.condition), now);
    }
    transitionRows.push(store.ids.nextBigInt(), taskId, id, 0, null, 'pending', 'task created', 'system', settings.createdBy ?? null, now);
  }

  try {
    store.transaction(() => {
      store.run(
        store.kysely.insertInto('deduction_task').values({
          id: taskId as unknown as string,
          task_name: settings.name ?? workflow.name,
          scheme_id: settings.schemeId ?? null,
          env_instance_id: settings.envInstanceId ?? null,
          template_id: settings.templateId ?? null,
          status: 'pending',
          variables: JSON.stringify(variables),
          root_node_id: tree.rootId,
          total_nodes: total,
          total_containers: containers,
          total_agents: total - containers,
          created_by: settings.createdBy ?? null,
          created_at: now,
          updated_at: now,
        }),
      );
      store.run(store.kysely.insertInto('deduction_task_snapshot').values({ task_id: taskId as unknown as string, workflow_snapshot: JSON.stringify(workflow) }));
      rowInserter(store, 'workflow_node', NODE_COLUMNS).insert(nodeRows);
      rowInserter(store, 'node_dependency', DEPENDENCY_COLUMNS).insert(dependencyRows);
      rowInserter(store, 'node_state_transition', TRANSITION_COLUMNS).insert(transitionRows);
    });
  } catch (error) {
    if (error instanceof Error && /FOREIGN KEY constraint failed/.test(error.message) && (settings.schemeId || settings.envInstanceId || settings.templateId)) {
      throw new ApiError('INVALID_ARGUMENT', 'createTask options: schemeId, envInstanceId or templateId names no existing row', { reason: errorReason('options.unknownRow', {}) });
    }
    throw error;
  }
  return { task_id: taskId.toString(), status: 'pending', total_nodes: total, total_containers: containers, total_agents: total - containers };
}
