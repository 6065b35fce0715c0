import type { ModdleElement } from 'moddle';
import { JOIN_MODES, type JoinMode } from '../../../../shared/status';
import { describeElement, elementId } from './describe';
import { deductionAttribute } from './extensions';
import { FlowConditions } from './flow-conditions';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';
import { flattenInflow } from './join';
import { rewire } from './rewire';
import { anchorStartCondition } from './start-conditions';

function writtenJoin(element: ModdleElement, context: ImportContext): JoinMode | undefined {
  const join = deductionAttribute(element, 'join');
  if (join === undefined) return undefined;
  if ((JOIN_MODES as readonly string[]).includes(join)) return join as JoinMode;
  context.problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notJoinMode', value: JSON.stringify(join), element: describeElement(element) }, {
    elementId: elementId(element),
  });
  return undefined;
}

/**
 * Gives every node the dependencies, join mode and pin its incoming flows amount to, once the
 * flow graph is complete. Returns the nodes whose join mode the file states (deduction:join),
 * which keep it even where it looks pointless.
 */
export function assignDependencies(context: ImportContext): Set<string> {
  const statedJoins = new Set<string>();
  const inflows = rewire(context.graph, new FlowConditions(context.problems), context.problems);
  // Graph order puts containers before their children: an ancestor's dependencies are known
  // when a child borrows them for its start condition.
  for (const [vertex, inflow] of inflows) {
    const node = vertex.nodeId === undefined ? undefined : context.nodes.get(vertex.nodeId);
    if (!node) continue;
    const join = writtenJoin(vertex.element, context);
    if (join !== undefined) statedJoins.add(node.nodeId);
    const waits = flattenInflow(node.nodeId, inflow, join, context.problems);
    if (waits.dependencies.length > 0) node.dependencies = waits.dependencies;
    if (waits.join !== undefined) node.join = waits.join;
    if (waits.pin !== undefined) node.pin = waits.pin;
    if (waits.startCondition !== undefined) anchorStartCondition(node, waits.startCondition, context.nodes, context.problems);
  }
  return statedJoins;
}
