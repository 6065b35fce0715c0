import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import { estimateDuration, type DurationEstimate } from '../../../shared/forecast/duration-estimate';
import { forecastTask, type LiveNode } from '../../../shared/forecast/forecast';
import type { TaskForecastView } from '../../../shared/forecast/forecast-view';
import type { WorkflowNodeDefinition } from '../../../shared/workflow/definition';
import { NODE_DEFAULTS, type NormalizedWorkflowNode } from '../../../shared/workflow/normalized';
import type { Store } from '../store/store';
import { getTask } from '../tasks/task-queries';
import { durationHistory } from './duration-history';

/** The snapshot is stored normalized; this only restores the defaults JSON leaves out. */
function normalizedNodes(nodes: readonly WorkflowNodeDefinition[]): NormalizedWorkflowNode[] {
  return nodes.map((node) => ({
    ...node,
    isRoot: node.isRoot ?? false,
    parentId: node.parentId ?? null,
    children: node.children ?? [],
    dependencies: node.dependencies ?? [],
    join: node.join ?? NODE_DEFAULTS.join,
    priority: node.priority ?? NODE_DEFAULTS.priority,
  }));
}

/** The duration an agent's config asks of it (the sim-like agents' durationMs), else its catalog default. */
function declaredMs(node: NormalizedWorkflowNode, catalog: ReadonlyMap<string, AgentCatalogEntry>): number | undefined {
  const own = node.agentConfig?.durationMs;
  if (typeof own === 'number' && own >= 0) return own;
  const fallback = node.agentLoad === undefined ? undefined : catalog.get(node.agentLoad)?.defaults?.durationMs;
  return typeof fallback === 'number' && fallback >= 0 ? fallback : undefined;
}

function templateNameOf(store: Store, templateId: string | null, workflowName: string): string | null {
  const byId = templateId === null ? undefined : store.first(store.kysely.selectFrom('workflow_template').select('name').where('id', '=', templateId));
  if (byId) return byId.name;
  // A task run from a file of a saved template's name is a run of that template.
  return store.first(store.kysely.selectFrom('workflow_template').select('name').where('name', '=', workflowName).limit(1))?.name ?? null;
}

export function forecastForTask(store: Store, catalog: readonly AgentCatalogEntry[], taskId: string, now: number): TaskForecastView {
  const task = getTask(store, taskId);
  const row = store.first(store.kysely.selectFrom('deduction_task').select('template_id').where('id', '=', task.taskId))!;
  const templateName = templateNameOf(store, row.template_id, task.workflow.name);
  const history = durationHistory(store, templateName, task.taskId);
  const agents = new Map(catalog.map((entry) => [entry.agentLoad, entry]));
  const nodes = normalizedNodes(task.workflow.nodes);
  const estimates = new Map<string, DurationEstimate>();
  for (const node of nodes) {
    if (node.nodeType === 'agent') estimates.set(node.nodeId, estimateDuration({ nodeId: node.nodeId, agentLoad: node.agentLoad, declaredMs: declaredMs(node, agents) }, history));
  }
  const live = new Map<string, LiveNode>();
  const rows = store.all(store.kysely.selectFrom('workflow_node').select(['node_id', 'status', 'start_time', 'end_time']).where('task_id', '=', task.taskId));
  for (const node of rows) live.set(node.node_id, { status: node.status, ...(node.start_time !== null ? { startedAt: node.start_time } : {}), ...(node.end_time !== null ? { endedAt: node.end_time } : {}) });
  const forecast = forecastTask({ nodes, estimates, live, now, ...(task.startTime !== null ? { taskStartedAt: task.startTime } : {}) });
  return {
    taskId: task.taskId,
    computedAt: now,
    finish: forecast.finish,
    nodes: [...forecast.nodes.values()],
    criticalPath: forecast.criticalPath,
    bases: forecast.bases,
    historyRuns: history.runs,
  };
}
