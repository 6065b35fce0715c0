import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { errorText } from '../../../shared/error-text';
import { toEngineRequest } from '../../../shared/workflow/engine-format';
import { evaluateEdge } from '../../../shared/dependency/evaluator';
import { isEndedNodeStatus, isNotStartedNodeStatus } from '../../../shared/status';
import type { AddNodesResult, NodeAddition, RemoveNodeResult } from '../../../shared/task/live-changes';
import { reasonText } from '../../../shared/task/reason-wordings';
import { effectiveRules, handlerNodeIds } from '../../../shared/workflow/on-error';
import type { NormalizedWorkflowDefinition, NormalizedWorkflowNode } from '../../../shared/workflow/normalized';
import { buildTree } from '../../../shared/workflow/tree';
import { DEPENDENCY_COLUMNS, NODE_COLUMNS, pushRow, rowInserter } from './statements';
import type { Control } from './controls';
import { descendantsOf } from './controls';
import { SchedulerError } from './errors';
import { checkLiveChange, describeProblem, readLiveDefinition, writeLiveDefinition } from './live-graph';
import { refuseUnlessChangeable } from './live-task';
import { containsReference, type JsonObject } from './references';
import { RtEdge, RtNode, type TaskImage } from './task-image';
import { auditOnRoot } from './transitions';
import type { Problem } from '../../../shared/workflow/problems';

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const LISTED_MAX = 10;
const listed = (ids: readonly string[]): string => ids.slice(0, LISTED_MAX).join(', ') + (ids.length > LISTED_MAX ? `, … (${ids.length - LISTED_MAX} more)` : '');

/**
 * Adds nodes to a task while it runs. The running workflow with the nodes added must pass the
 * validator every task passes (so no duplicate id, no cycle, no dependency on a node that does
 * not exist); the container they go under must not have ended; and a dependency on a node that
 * has ended is refused unless asked for, since that node will not end again. A refusal writes
 * nothing. The nodes then run like any other: they are decided as soon as their container runs.
 */
export function addNodes(control: Control, task: TaskImage, addition: NodeAddition): AddNodesResult {
  refuseUnlessChangeable(task);
  const { core, step } = control;
  const before = readLiveDefinition(core.store, task.id);
  const parentId = addition.parentId ?? task.root.nodeId;
  const parent = task.nodes.get(parentId);
  if (!parent) throw new SchedulerError('NOT_ALLOWED', errorReason('live.parentNotFound', { taskId: task.id, parentId }));
  if (parent.type !== 'container') throw new SchedulerError('NOT_ALLOWED', errorReason('live.parentNotContainer', { parentId }));

  const given = addition.nodes.map((node) => (node.parentId === undefined || node.parentId === null ? { ...node, parentId } : node));
  const after = mergedDefinition(before, given);
  const checked = checkLiveChange(before, after, core.engine.catalog());
  if (!checked.ok) throw additionInvalid(checked.problems, before.nodes.length);
  const definition = checked.definition;
  const added = buildTree(definition).order.filter((id) => !task.nodes.has(id));
  const byId = new Map(definition.nodes.map((node) => [node.nodeId, node]));

  for (const id of added) {
    const node = byId.get(id)!;
    const outer = task.nodes.get(node.parentId!);
    if (outer && isEndedNodeStatus(outer.status)) throw new SchedulerError('NOT_ALLOWED', errorReason('live.parentEnded', { parentId: outer.nodeId, status: outer.status }));
    if (addition.allowEndedSources) continue;
    for (const dependency of node.dependencies) {
      const source = task.nodes.get(dependency.sourceNodeId);
      if (source && isEndedNodeStatus(source.status)) {
        throw new SchedulerError('NOT_ALLOWED', errorReason('live.endedSource', { nodeId: id, sourceId: source.nodeId, status: source.status }));
      }
    }
  }

  writeLiveDefinition(core.store, task.id, definition, step.now);
  const handlers = handlerNodeIds(definition);
  const nodeRows: unknown[] = [];
  const dependencyRows: unknown[] = [];
  const made: RtNode[] = [];
  for (const id of added) {
    const spec = byId.get(id)!;
    const outer = task.nodes.get(spec.parentId!)!;
    const node = runtimeNode(task, spec, core.nextId(), outer.level + 1, definition, handlers.has(id));
    pushRow(nodeRows, NODE_COLUMNS, nodeRow(task, spec, node, step.now));
    node.parent = outer;
    outer.children.push(node);
    if (node.isHandler) outer.idleHandlers++;
    task.add(node);
    made.push(node);
  }
  for (const node of made) {
    for (const dependency of byId.get(node.nodeId)!.dependencies) {
      const source = task.nodes.get(dependency.sourceNodeId)!;
      const edge = new RtEdge(source, node, dependency.type, dependency.condition);
      const outcome = evaluateEdge({ type: edge.type, source: source.status, condition: edge.condition, result: source.result }, task.scope.variables);
      edge.state = outcome.state;
      edge.error = outcome.error;
      if (outcome.state === 'satisfied') node.satisfied++;
      else if (outcome.state === 'unsatisfiable') node.unsatisfiable++;
      source.out.push(edge);
      node.deps.push(edge);
      pushRow(dependencyRows, DEPENDENCY_COLUMNS, {
        id: core.nextId(),
        task_id: task.idBig,
        node_id: node.nodeId,
        source_node_id: source.nodeId,
        dependency_type: dependency.type,
        condition: json(dependency.condition),
        created_at: step.now,
      });
    }
  }
  rowInserter(core.store, 'workflow_node', NODE_COLUMNS).insert(nodeRows);
  if (dependencyRows.length > 0) rowInserter(core.store, 'node_dependency', DEPENDENCY_COLUMNS).insert(dependencyRows);

  const started = task.status !== 'pending';
  for (const node of made) {
    // Pins count from the task's start; for a node added later, from when it was added.
    if (started && node.pin) node.notBefore = 'at' in node.pin ? (typeof node.pin.at === 'number' ? node.pin.at : Date.parse(node.pin.at)) : step.now + node.pin.delayMs;
    step.node(node);
    step.transition(core.nextId(), node, null, 'pending', reasonText('addedWhileRunning'), 'user', control.operator);
    core.stats.transitions++;
    if (started) core.work.add(node);
  }
  auditOnRoot(core, step, task, reasonText('nodesAdded', { names: listed(added) }), control.operator);
  if (started) resubmitAfter(control, task, definition);
  return { added };
}

/**
 * Removes a node that has not started, with everything inside it (none of which may have
 * started either). Refused while nodes outside it depend on it, or when the workflow without it
 * would not pass the validator (an onError rule naming it as handler, say). Its rows go (their
 * transitions with them); the removal is audited on the root.
 */
export function removeNode(control: Control, task: TaskImage, node: RtNode): RemoveNodeResult {
  refuseUnlessChangeable(task);
  const { core, step } = control;
  if (node.parent === null) throw new SchedulerError('NOT_ALLOWED', errorReason('live.rootNotRemovable', { nodeId: node.nodeId }));
  if (!isNotStartedNodeStatus(node.status)) throw new SchedulerError('NOT_ALLOWED', errorReason('live.nodeStarted', { nodeId: node.nodeId, status: node.status }));
  const subtree = [node, ...descendantsOf(node)];
  const started = subtree.find((each) => !isNotStartedNodeStatus(each.status));
  if (started) throw new SchedulerError('NOT_ALLOWED', errorReason('live.subtreeStarted', { nodeId: node.nodeId, childId: started.nodeId, status: started.status }));
  const inside = new Set(subtree);
  const dependents = new Set<string>();
  for (const each of subtree) for (const edge of each.out) if (!inside.has(edge.target)) dependents.add(edge.target.nodeId);
  if (dependents.size > 0) {
    const ids = [...dependents];
    throw new SchedulerError('NOT_ALLOWED', errorReason('live.hasDependents', { nodeId: node.nodeId, count: ids.length, nodes: listed(ids) }));
  }

  const before = readLiveDefinition(core.store, task.id);
  const removed = new Set(subtree.map((each) => each.nodeId));
  const after = {
    ...before,
    nodes: before.nodes
      .filter((each) => !removed.has(each.nodeId))
      .map((each) => (each.nodeId === node.parent!.nodeId ? { ...each, children: each.children.filter((id) => id !== node.nodeId) } : each)),
  };
  const checked = checkLiveChange(before, after, core.engine.catalog());
  if (!checked.ok) throw new SchedulerError('NOT_ALLOWED', errorReason('live.removalBreaks', { nodeId: node.nodeId, detail: describeProblem(checked.problems[0]!) }));

  writeLiveDefinition(core.store, task.id, checked.definition, step.now);
  // The foreign keys cascade to the nodes' dependencies and transitions.
  for (const each of subtree) core.store.db.prepare('DELETE FROM workflow_node WHERE id = ?').run(each.rowId);
  const parent = node.parent;
  parent.children.splice(parent.children.indexOf(node), 1);
  for (const each of subtree) {
    if (each.isHandler && each.status === 'pending') each.parent!.idleHandlers--;
    for (const edge of each.deps) {
      if (inside.has(edge.source)) continue;
      const out = edge.source.out;
      out.splice(out.indexOf(edge), 1);
    }
    task.nodes.delete(each.nodeId);
    delete task.scope.nodes[each.nodeId];
    // Detached, it may still sit in a ready queue or a timer: a status that never starts keeps it out.
    each.status = 'skipped';
  }
  if (parent.status === 'running') core.work.add(parent);
  const ids = subtree.map((each) => each.nodeId);
  auditOnRoot(core, step, task, reasonText('nodesRemoved', { names: listed(ids) }), control.operator);
  step.task(task);
  if (task.status !== 'pending') resubmitAfter(control, task, checked.definition);
  return { removed: ids };
}

function mergedDefinition(before: NormalizedWorkflowDefinition, given: readonly Record<string, unknown>[]): NormalizedWorkflowDefinition {
  const newChildren = new Map<string, string[]>();
  for (const node of given) {
    const parent = node.parentId;
    if (typeof parent !== 'string' || typeof node.nodeId !== 'string') continue;
    newChildren.set(parent, [...(newChildren.get(parent) ?? []), node.nodeId]);
  }
  const nodes = before.nodes.map((node) => {
    const more = newChildren.get(node.nodeId);
    return more ? { ...node, children: [...node.children, ...more] } : node;
  });
  return { ...before, nodes: [...nodes, ...(given as unknown as NormalizedWorkflowNode[])] };
}

/** The validator's problems, their paths counted within the nodes given rather than the whole workflow. */
function additionInvalid(problems: Problem[], offset: number): ApiError {
  const local = problems.map((problem) =>
    problem.path[0] === 'nodes' && typeof problem.path[1] === 'number' && problem.path[1] >= offset ? { ...problem, path: ['nodes', problem.path[1] - offset, ...problem.path.slice(2)] } : problem,
  );
  const reason = errorReason('live.additionInvalid', { count: local.length, first: describeProblem(local[0]!) });
  return new ApiError('INVALID_ARGUMENT', reason, { details: { problems: local } });
}

function runtimeNode(task: TaskImage, spec: NormalizedWorkflowNode, rowId: bigint, level: number, definition: NormalizedWorkflowDefinition, isHandler: boolean): RtNode {
  const agent = spec.nodeType === 'agent';
  const config = (agent ? spec.agentConfig : spec.containerConfig) as JsonObject | undefined;
  return new RtNode(task, {
    rowId,
    nodeId: spec.nodeId,
    type: spec.nodeType,
    name: spec.name ?? spec.containerName ?? null,
    level,
    join: spec.join,
    priority: spec.priority,
    agentLoad: agent ? (spec.agentLoad ?? null) : null,
    config,
    configText: json(config) ?? '{}',
    hasReferences: config !== undefined && containsReference(config),
    retry: spec.retry,
    timeoutMs: spec.timeoutMs ?? null,
    pin: spec.pin,
    activation: spec.activation,
    ...(agent && { onError: effectiveRules(spec.onError, definition.onError), isHandler }),
    requiredSkills: agent ? (spec.requiredSkills ?? []) : [],
  });
}

function nodeRow(task: TaskImage, spec: NormalizedWorkflowNode, node: RtNode, now: number) {
  const agent = spec.nodeType === 'agent';
  return {
    id: node.rowId,
    task_id: task.idBig,
    node_id: spec.nodeId,
    node_type: spec.nodeType,
    node_name: node.name,
    parent_node_id: spec.parentId,
    is_root: 0,
    level: node.level,
    agent_load: node.agentLoad,
    agent_config: agent ? json(spec.agentConfig) : null,
    container_config: agent ? null : json(spec.containerConfig),
    join_mode: spec.join,
    priority: spec.priority,
    retry_policy: json(spec.retry),
    timeout_ms: spec.timeoutMs ?? null,
    pin: json(spec.pin),
    activation: json(spec.activation),
    agent_meta_id: agent && spec.agentMetaId !== undefined ? BigInt(spec.agentMetaId) : null,
    agent_url: agent ? (spec.agentUrl ?? null) : null,
    container_type: agent ? null : (spec.containerType ?? null),
    env_config: json(spec.envConfig),
    biz_value: json(spec.bizValue),
    kind: spec.kind ?? null,
    created_at: now,
    updated_at: now,
    required_skills: agent ? json(spec.requiredSkills) : null,
    assignee: agent ? (spec.assignee ?? null) : null,
  };
}

/**
 * The Engines learn the new tree after the commit (they place an added container's children
 * under it and give it its parent's environment by the tree they were sent); submitting a task
 * again replaces the tree an Engine holds and leaves what runs alone.
 */
function resubmitAfter(control: Control, task: TaskImage, definition: NormalizedWorkflowDefinition): void {
  const { core } = control;
  control.step.after(() => {
    core.engine.submitTask(toEngineRequest(task.id, definition)).catch((error: unknown) => core.logger.warn(`scheduler: the Engine did not take the changed tree of task ${task.id}: ${errorText(error)}`));
  });
}
