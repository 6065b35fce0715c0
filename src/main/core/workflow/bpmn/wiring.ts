import type { ModdleElement } from 'moddle';
import { describeElement, elementId } from './describe';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';

/** Connects the gathered sequence flows; a flow whose end was not imported is reported. */
export function wireSequenceFlows(context: ImportContext): void {
  let unnamed = 0;
  for (const flow of context.sequenceFlows) {
    const from = context.graph.vertexOf(flow.sourceRef as ModdleElement | undefined);
    const to = context.graph.vertexOf(flow.targetRef as ModdleElement | undefined);
    if (!from || !to) {
      context.problems.warn(BPMN_PROBLEM.dependencyDropped, { context: 'flow', element: describeElement(flow) }, {
        elementId: elementId(flow),
      });
      continue;
    }
    unnamed += 1;
    context.graph.addFlow(elementId(flow) ?? `flow#${unnamed}`, from, to, flow);
  }
}

/** Pairs link throw events with the catch events of the same name in the same scope. */
export function pairLinkEvents(context: ImportContext): void {
  const catches = context.linkEvents.filter((link) => !link.throws && link.name !== '');
  for (const link of context.linkEvents) {
    if (link.name === '') {
      context.problems.warn(BPMN_PROBLEM.dependencyDropped, { context: link.throws ? 'unnamedThrowLink' : 'unnamedCatchLink', element: describeElement(link.vertex.element) }, {
        elementId: link.vertex.id,
      });
      continue;
    }
    if (!link.throws) continue;
    const targets = catches.filter((candidate) => candidate.scope === link.scope && candidate.name === link.name);
    if (targets.length === 0) {
      context.problems.warn(BPMN_PROBLEM.dependencyDropped, { context: 'noCatchingLink', element: describeElement(link.vertex.element), name: JSON.stringify(link.name) }, {
        elementId: link.vertex.id,
      });
    }
    for (const target of targets) context.graph.addFlow(`${link.vertex.id}->${target.vertex.id}`, link.vertex, target.vertex);
  }
  for (const link of catches) {
    if (!context.linkEvents.some((other) => other.throws && other.scope === link.scope && other.name === link.name)) {
      context.problems.warn(BPMN_PROBLEM.dependencyDropped, { context: 'noThrowingLink', element: describeElement(link.vertex.element), name: JSON.stringify(link.name) }, {
        elementId: link.vertex.id,
      });
    }
  }
}

/** Gateways whose behaviour a dependency graph only approximates. */
export function reportGatewaySemantics(context: ImportContext): void {
  for (const vertex of context.graph.vertices) {
    const where = { elementId: elementId(vertex.element) };
    if (vertex.gateway === 'inclusive' && vertex.incoming.length > 1) {
      context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'inclusiveMerge', element: describeElement(vertex.element) }, where);
    } else if (vertex.gateway === 'complex') {
      context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'complexGateway', element: describeElement(vertex.element) }, where);
    } else if (vertex.gateway === 'eventBased') {
      context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'eventBasedGateway', element: describeElement(vertex.element) }, where);
    }
  }
}
