import { errorReason } from '../../../shared/api/error-reasons';
import { isEndedNodeStatus } from '../../../shared/status';
import type { RerunNodeResult, RerunOptions } from '../../../shared/task/live-changes';
import { reasonText } from '../../../shared/task/reason-wordings';
import { jsonEqual } from '../../../shared/workflow/json-equal';
import type { Control } from './controls';
import { rerunFrom } from './controls';
import { SchedulerError } from './errors';
import { checkLiveChange, describeProblem, readLiveDefinition, writeLiveDefinition } from './live-graph';
import { containsReference } from './references';
import type { RtNode } from './task-image';

/**
 * Reruns a node and what depends on it (as rerunFrom does), first replacing the node's config
 * when one is given: the next batch resolves the new config and stores it as its own, and the
 * batches before keep theirs. The edited config must pass the validator (the agent's manifest
 * included); the edit is written to the node's row and the task's workflow snapshot, and
 * audited on the node with the keys it changed.
 */
export function rerunNode(control: Control, node: RtNode, options: RerunOptions): RerunNodeResult {
  const config = options.config;
  const configChanged = config !== undefined && !jsonEqual(config, node.config ?? {});
  if (configChanged) {
    if (!isEndedNodeStatus(node.status)) throw new SchedulerError('NOT_ALLOWED', errorReason('node.notRerunnable', { nodeId: node.nodeId, status: node.status }));
    replaceConfig(control, node, config);
  }
  return { nodes: rerunFrom(control, node), configChanged };
}

function replaceConfig(control: Control, node: RtNode, config: NonNullable<RerunOptions['config']>): void {
  const { core, step } = control;
  const task = node.task;
  const before = readLiveDefinition(core.store, task.id);
  const field = node.type === 'agent' ? 'agentConfig' : 'containerConfig';
  const after = { ...before, nodes: before.nodes.map((each) => (each.nodeId === node.nodeId ? { ...each, [field]: config } : each)) };
  const checked = checkLiveChange(before, after, core.engine.catalog());
  if (!checked.ok) throw new SchedulerError('INVALID_ARGUMENT', errorReason('live.configInvalid', { nodeId: node.nodeId, detail: describeProblem(checked.problems[0]!) }));

  const keys = changedKeys(node.config ?? {}, config);
  writeLiveDefinition(core.store, task.id, checked.definition, step.now);
  const text = JSON.stringify(config);
  const column = node.type === 'agent' ? 'agent_config' : 'container_config';
  core.store.run(core.store.kysely.updateTable('workflow_node').set({ [column]: text, updated_at: step.now }).where('id', '=', node.rowId.toString()));
  // Listed in the step first, so that a step that fails reloads the node's config from the store.
  step.node(node);
  node.config = config;
  node.configText = text;
  node.hasReferences = containsReference(config);
  step.transition(core.nextId(), node, node.status, node.status, reasonText('configEdited', { names: keys.join(', ') }), 'user', control.operator);
  core.stats.transitions++;
}

/** The top-level keys a config edit added, removed or changed. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !jsonEqual(before[key], after[key])).sort();
}
