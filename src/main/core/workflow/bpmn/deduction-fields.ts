import type { ModdleElement } from 'moddle';
import { describeElement, elementId } from './describe';
import { deductionFieldBodies } from './extensions';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import type { JsonLogic } from '../../../../shared/workflow/expression/logic';

/** An element's `deduction:field` values, parsed; a body that is not JSON is reported and skipped. */
export function readDeductionFields(element: ModdleElement, problems: ImportProblems): Map<string, JsonLogic> {
  const fields = new Map<string, JsonLogic>();
  for (const [name, body] of deductionFieldBodies(element)) {
    try {
      fields.set(name, JSON.parse(body) as JsonLogic);
    } catch {
      problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notJson', field: JSON.stringify(name), element: describeElement(element) }, {
        elementId: elementId(element),
      });
    }
  }
  return fields;
}
