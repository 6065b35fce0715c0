import type { ModdleElement } from 'moddle';
import { describeElement, elementId } from './describe';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';

/**
 * Message flows between pools join the flow graph as message flows: their target (a task, a
 * catching event, a pool) waits until their source (a task, what precedes a throwing event, a
 * pool) has ended, on top of its sequence flows. Rewiring turns them into finish dependencies.
 */
export function addMessageFlows(context: ImportContext): void {
  for (const flow of context.messageFlows) {
    const from = context.graph.vertexOf(flow.sourceRef as ModdleElement | undefined);
    const to = context.graph.vertexOf(flow.targetRef as ModdleElement | undefined);
    const id = elementId(flow);
    if (!from || !to) {
      context.problems.warn(BPMN_PROBLEM.messageFlowDropped, { element: describeElement(flow) }, {
        elementId: id,
      });
      continue;
    }
    context.graph.addFlow(id ?? `message#${context.graph.vertices.length}`, from, to, undefined, 'message');
  }
}
