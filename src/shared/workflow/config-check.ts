import type { AgentCatalogEntry } from '../engine/protocol';
import { configGaps, describeAlternatives } from './config-requirements';
import { nodeRef } from './problem-text';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { TreeShape } from './structure-check';

/**
 * Agents whose config lacks what their manifest requires: such a node would fail at start
 * with INVALID_CONFIG, so it is an error now. Only loads the catalog knows are checked; a
 * catalog that has not arrived yet (no Engine connected) checks nothing.
 */
export function checkAgentConfigs(shape: TreeShape, agents: readonly AgentCatalogEntry[]): Problem[] {
  if (agents.length === 0) return [];
  const byLoad = new Map<string, AgentCatalogEntry>();
  for (const entry of agents) if (!byLoad.has(entry.agentLoad)) byLoad.set(entry.agentLoad, entry);
  const problems: Problem[] = [];
  for (const { node, index, complete } of shape.unique) {
    if (!complete || node.nodeType !== 'agent' || node.agentLoad === undefined) continue;
    const entry = byLoad.get(node.agentLoad);
    if (!entry?.configSchema) continue;
    const id = node.nodeId;
    const load = JSON.stringify(node.agentLoad);
    for (const gap of configGaps(entry.configSchema, node.agentConfig, entry.defaults)) {
      if (gap.kind === 'missing') {
        problems.push(problem('error', WORKFLOW_PROBLEM.missingConfigField, ['nodes', index, 'agentConfig', gap.field], { node: nodeRef(id), agentLoad: load, field: gap.field }, id));
        continue;
      }
      const context = gap.kind === 'noAlternative' ? (gap.exclusive ? 'noneOfExactlyOne' : 'noneOfAny') : 'severalOf';
      const choices = describeAlternatives(gap.alternatives);
      problems.push(problem('error', WORKFLOW_PROBLEM.configAlternatives, ['nodes', index, 'agentConfig'], { context, node: nodeRef(id), agentLoad: load, choices }, id));
    }
  }
  return problems;
}
