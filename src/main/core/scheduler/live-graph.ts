import type { AgentCatalogEntry } from '../../../shared/engine/protocol';
import { formatPlace, type Problem } from '../../../shared/workflow/problems';
import type { NormalizedWorkflowDefinition } from '../../../shared/workflow/normalized';
import { validateWorkflow } from '../../../shared/workflow/validate';
import type { Store } from '../store/store';
import type { Id } from '../../../shared/ids';

/**
 * A running task's workflow as it stands: its snapshot, which every structural change made
 * while it runs (nodes added or removed, a config edited) rewrites in the same transaction, so
 * that a reload, a resubmission to an Engine, the run report and an export all see the graph
 * the scheduler runs.
 */
export function readLiveDefinition(store: Store, taskId: Id): NormalizedWorkflowDefinition {
  const row = store.first(store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', taskId));
  return JSON.parse(row!.workflow_snapshot) as NormalizedWorkflowDefinition;
}

export function writeLiveDefinition(store: Store, taskId: Id, definition: NormalizedWorkflowDefinition, now: number): void {
  store.run(store.kysely.updateTable('deduction_task_snapshot').set({ workflow_snapshot: JSON.stringify(definition) }).where('task_id', '=', taskId));
  let containers = 0;
  for (const node of definition.nodes) if (node.nodeType === 'container') containers++;
  const total = definition.nodes.length;
  store.run(
    store.kysely
      .updateTable('deduction_task')
      .set({ total_nodes: total, total_containers: containers, total_agents: total - containers, updated_at: now })
      .where('id', '=', taskId),
  );
}

export type LiveCheck = { ok: true; definition: NormalizedWorkflowDefinition } | { ok: false; problems: Problem[] };

const problemKey = (problem: Problem): string => `${problem.code}|${JSON.stringify(problem.path)}|${problem.message}`;

/**
 * Validates a changed workflow with the validator every task passes at creation, and keeps
 * only the errors the change brought: what the running workflow already carried (an agent
 * config an Engine's newer manifest no longer accepts, say) is not the change's fault.
 */
export function checkLiveChange(before: NormalizedWorkflowDefinition, after: unknown, agents: readonly AgentCatalogEntry[]): LiveCheck {
  const result = validateWorkflow(after, { agents });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0 && result.definition) return { ok: true, definition: result.definition };
  const known = new Set(
    validateWorkflow(before, { agents })
      .problems.filter((problem) => problem.severity === 'error')
      .map(problemKey),
  );
  const fresh = errors.filter((problem) => !known.has(problemKey(problem)));
  if (fresh.length === 0 && result.definition) return { ok: true, definition: result.definition };
  return { ok: false, problems: fresh.length > 0 ? fresh : errors };
}

/** A problem for people: where, then what. */
export function describeProblem(problem: Problem): string {
  return `${formatPlace(problem)}: ${problem.message}`;
}
