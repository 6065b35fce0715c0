import type { WorkflowInput } from './definition';
import { describeValueType, fitsInputType } from './inputs';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';

/** Declared inputs: each name once, each default of its input's type. */
export function checkInputs(inputs: readonly WorkflowInput[] | undefined): Problem[] {
  if (!inputs) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, index) => {
    const first = seen.get(input.name);
    if (first !== undefined) problems.push(problem('error', WORKFLOW_PROBLEM.duplicateInput, ['inputs', index, 'name'], { name: JSON.stringify(input.name), index: first }));
    else seen.set(input.name, index);
    if (input.default !== undefined && !fitsInputType(input.type, input.default)) {
      problems.push(problem('error', WORKFLOW_PROBLEM.inputDefaultType, ['inputs', index, 'default'], { name: JSON.stringify(input.name), type: input.type, received: describeValueType(input.default) }));
    }
  });
  return problems;
}
