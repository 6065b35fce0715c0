import type { ModdleElement } from 'moddle';
import { describeElement, elementId } from './describe';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';

const NAME_MAX_LENGTH = 500;

/** An element's name as a node name: absent when empty, shortened (with a warning) when too long. */
export function nodeName(element: ModdleElement, context: ImportContext): string | undefined {
  const name: unknown = element.name;
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  if (name.length <= NAME_MAX_LENGTH) return name;
  context.problems.warn(BPMN_PROBLEM.idReplaced, { context: 'nameShortened', element: describeElement(element), max: NAME_MAX_LENGTH }, {
    elementId: elementId(element),
  });
  return name.slice(0, NAME_MAX_LENGTH);
}
