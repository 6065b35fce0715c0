import type { ModdleElement } from 'moddle';
import { describeElement, elementId } from './describe';
import { foreignAttributes, foreignExtensionElements } from './extensions';
import type { ImportProblems } from './import-problems';
import { BPMN_PROBLEM } from './import-problems';

/** Reports diagram-only content: text annotations, associations, groups. */
export function reportArtifacts(container: ModdleElement, problems: ImportProblems): void {
  const artifacts: unknown = container.artifacts;
  if (!Array.isArray(artifacts)) return;
  for (const artifact of artifacts as ModdleElement[]) {
    problems.warn(BPMN_PROBLEM.artifactIgnored, { element: describeElement(artifact) }, { elementId: elementId(artifact) });
  }
}

/** Reports lanes (and nested lanes): the nodes in them are imported, the lanes are not. */
export function reportLanes(container: ModdleElement, problems: ImportProblems): void {
  const pending: ModdleElement[] = [...((container.laneSets as ModdleElement[] | undefined) ?? [])];
  while (pending.length > 0) {
    const laneSet = pending.shift() as ModdleElement;
    for (const lane of (laneSet.lanes as ModdleElement[] | undefined) ?? []) {
      problems.warn(BPMN_PROBLEM.artifactIgnored, { context: 'lane', element: describeElement(lane) }, {
        elementId: elementId(lane),
      });
      if (lane.childLaneSet) pending.push(lane.childLaneSet as ModdleElement);
    }
  }
}

/** Reports an element that has no equivalent in a workflow. */
export function reportUnsupported(element: ModdleElement, problems: ImportProblems): void {
  problems.warn(BPMN_PROBLEM.unsupportedElement, { element: describeElement(element) }, { elementId: elementId(element) });
}

/**
 * Reports vendor extension attributes and elements an import does not read (camunda:formKey,
 * zeebe:ioMapping, …), except those listed as consumed ("namespace#localName").
 */
export function reportForeignExtensions(element: ModdleElement, consumed: readonly string[], problems: ImportProblems, nodeId?: string): void {
  const ignored = [
    ...foreignAttributes(element).filter((attribute) => !consumed.includes(`${attribute.namespace}#${attribute.localName}`)),
    ...foreignExtensionElements(element).filter((extension) => !consumed.includes(`${extension.namespace}#${extension.localName}`)),
  ].map((item) => item.qualifiedName);
  if (ignored.length === 0) return;
  problems.warn(BPMN_PROBLEM.extensionIgnored, { element: describeElement(element), names: [...new Set(ignored)].join(', ') }, {
    elementId: elementId(element),
    nodeId,
  });
}
