import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { createTaskOptionsSchema, type CreateTaskOptions, type CreateTaskResult } from '../../../shared/task/create';
import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import { formatPlace } from '../../../shared/workflow/problems';
import { buildTree } from '../../../shared/workflow/tree';
import type { WorkflowInput } from '../../../shared/workflow/definition';
import { applyInputs, describeValueType } from '../../../shared/workflow/inputs';
import { validateWorkflow } from '../../../shared/workflow/validate';
import type { Store } from '../store/store';
import { DEPENDENCY_COLUMNS, NODE_COLUMNS, pushRow, rowInserter, TRANSITION_COLUMNS } from '../scheduler/statements';
import { invalidArgument, invalidWorkflow } from './task-errors';
import { freeTaskName, isTaskNameTaken } from './task-names';
import { reasonText } from '../../../shared/task/reason-wordings';
import { deadlineMs } from '../../../shared/task/deadline';

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
  const variables = declaredVariables(workflow.inputs ?? [], { ...workflow.variables, ...settings.variables });
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
    pushRow(nodeRows, NODE_COLUMNS, {
      id: store.ids.nextBigInt(),
      task_id: taskId,
      node_id: id,
      node_type: node.nodeType,
      node_name: node.name ?? node.containerName ?? null,
      parent_node_id: node.parentId,
      is_root: node.isRoot ? 1 : 0,
      level: tree.depth.get(id)!,
      agent_load: agent ? (node.agentLoad ?? null) : null,
      agent_config: agent ? json(node.agentConfig) : null,
      container_config: agent ? null : json(node.containerConfig),
      join_mode: node.join,
      priority: node.priority,
      retry_policy: json(node.retry),
      timeout_ms: node.timeoutMs ?? null,
      pin: json(node.pin),
      activation: json(node.activation),
      agent_meta_id: agent && node.agentMetaId !== undefined ? BigInt(node.agentMetaId) : null,
      agent_url: agent ? (node.agentUrl ?? null) : null,
      container_type: agent ? null : (node.containerType ?? null),
      env_config: json(node.envConfig),
      biz_value: json(node.bizValue),
      kind: node.kind ?? null,
      created_at: now,
      updated_at: now,
      required_skills: agent ? json(node.requiredSkills) : null,
      assignee: agent ? (node.assignee ?? null) : null,
    });
    for (const dependency of node.dependencies) {
      pushRow(dependencyRows, DEPENDENCY_COLUMNS, {
        id: store.ids.nextBigInt(),
        task_id: taskId,
        node_id: id,
        source_node_id: dependency.sourceNodeId,
        dependency_type: dependency.type,
        condition: json(dependency.condition),
        created_at: now,
      });
    }
    pushRow(transitionRows, TRANSITION_COLUMNS, {
      id: store.ids.nextBigInt(),
      task_id: taskId,
      node_id: id,
      batch: 0,
      from_status: null,
      to_status: 'pending',
      reason: reasonText('taskCreated'),
      trigger_type: 'system',
      operator: settings.createdBy ?? null,
      created_at: now,
    });
  }

  try {
    store.transaction(() => {
      store.run(
        store.kysely.insertInto('deduction_task').values({
          id: taskId,
          task_name: taskName(store, settings.name, workflow.name),
          description: settings.description ?? null,
          scheme_id: settings.schemeId ?? null,
          env_instance_id: settings.envInstanceId ?? null,
          template_id: settings.templateId ?? null,
          deadline: settings.deadline === undefined ? null : deadlineMs(settings.deadline),
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
      store.run(store.kysely.insertInto('deduction_task_snapshot').values({ task_id: taskId, workflow_snapshot: JSON.stringify(workflow) }));
      rowInserter(store, 'workflow_node', NODE_COLUMNS).insert(nodeRows);
      rowInserter(store, 'node_dependency', DEPENDENCY_COLUMNS).insert(dependencyRows);
      rowInserter(store, 'node_state_transition', TRANSITION_COLUMNS).insert(transitionRows);
    });
  } catch (error) {
    // Another process may have taken the name between the check and the insert.
    if (error instanceof Error && /UNIQUE constraint failed: deduction_task\.task_name/.test(error.message)) {
      throw new ApiError('CONFLICT', errorReason('task.nameTaken', { name: settings.name ?? workflow.name }));
    }
    if (error instanceof Error && /FOREIGN KEY constraint failed/.test(error.message) && (settings.schemeId || settings.envInstanceId || settings.templateId)) {
      throw new ApiError('INVALID_ARGUMENT', errorReason('options.unknownRow', {}));
    }
    throw error;
  }
  return { task_id: taskId.toString(), status: 'pending', total_nodes: total, total_containers: containers, total_agents: total - containers };
}

/** The variables with the declared inputs' defaults filled in; a missing required one or one of the wrong type refuses the task. */
function declaredVariables(inputs: readonly WorkflowInput[], given: Record<string, unknown>): Record<string, unknown> {
  const { variables, gaps } = applyInputs(inputs, given);
  const [gap] = gaps;
  if (gap === undefined) return variables;
  const details = { variables: gaps.map((each) => ({ name: each.input.name, type: each.input.type, problem: each.kind })) };
  if (gap.kind === 'missing') throw new ApiError('INVALID_ARGUMENT', errorReason('task.variableMissing', { name: gap.input.name, type: gap.input.type }), { details });
  throw new ApiError('INVALID_ARGUMENT', errorReason('task.variableType', { name: gap.input.name, type: gap.input.type, received: describeValueType(gap.value) }), { details });
}

/** A name the caller chose is refused when taken; the workflow's name, taken by default, is numbered. */
function taskName(store: Store, chosen: string | undefined, workflowName: string): string {
  if (chosen === undefined) return freeTaskName(store, workflowName);
  if (isTaskNameTaken(store, chosen)) throw new ApiError('CONFLICT', errorReason('task.nameTaken', { name: chosen }));
  return chosen;
}
