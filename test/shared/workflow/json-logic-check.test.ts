import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { CONDITION_DATA_ROOTS, JSON_LOGIC_OPERATORS, checkJsonLogic } from '../../../src/shared/workflow/json-logic-check';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';

const condition = { what: 'condition', dataRoots: CONDITION_DATA_ROOTS } as const;

/** True when json-logic-js knows the operator: it throws "Unrecognized operation" otherwise. */
function libraryKnows(operator: string): boolean {
  try {
    jsonLogic.apply({ [operator]: [[], []] } as never, {});
    return true;
  } catch (error) {
    return !String((error as Error).message).startsWith('Unrecognized operation');
  }
}

describe('checkJsonLogic', () => {
  it('knows exactly the operators json-logic-js evaluates (but log)', () => {
    for (const operator of JSON_LOGIC_OPERATORS) expect(libraryKnows(operator), operator).toBe(true);
    expect(libraryKnows('log')).toBe(true);
    expect(JSON_LOGIC_OPERATORS.has('log')).toBe(false);
    for (const unknown of ['eval', 'exec', 'constructor', 'toString', '===='] ) expect(libraryKnows(unknown), unknown).toBe(false);
  });

  it('accepts valid expressions, literals inside them and scoped data in map/filter/some', () => {
    const logic = { and: [{ '>': [{ var: 'result.score' }, 0.5] }, { some: [{ var: 'result.items' }, { '==': [{ var: 'kind' }, 'tank'] }] }, { in: ['red', ['red', 'blue']] }] };
    expect(checkJsonLogic(logic, ['c'], condition)).toEqual([]);
    expect(jsonLogic.apply(logic as never, { result: { score: 0.6, items: [{ kind: 'tank' }] } })).toBe(true);
  });

  it('reports unknown operators at their path, however deep, and log', () => {
    const problems = checkJsonLogic({ if: [{ and: [true, { '!': { launch: 1 } }] }, { log: 'x' }, 1] }, ['c'], condition);
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      [P.invalidLogic, ['c', 'if', 0, 'and', 1, '!', 'launch']],
      [P.invalidLogic, ['c', 'if', 1, 'log']],
    ]);
    expect(problems[0]!.message).toBe('unknown JSON Logic operator "launch"');
    expect(problems[1]!.message).toBe('the JSON Logic operator "log" is not allowed here: it writes to the console, and expressions must not have side effects');
  });

  it('reports objects that are not one-key operations', () => {
    const problems = checkJsonLogic({ '==': [{}, { a: 1, b: 2 }] }, [], condition);
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([
      [['==', 0], 'a JSON Logic operation is an object with exactly one key, its operator; this one has none'],
      [['==', 1], 'a JSON Logic operation is an object with exactly one key, its operator; this one has 2 ("a", "b")'],
    ]);
  });

  it('warns about constants and about variables a condition cannot see', () => {
    expect(checkJsonLogic(true, ['c'], condition)).toEqual([expect.objectContaining({ severity: 'warning', code: P.constantLogic, message: expect.stringMatching(/constant true/) })]);
    const problems = checkJsonLogic({ '>': [{ var: 'score' }, { var: ['variables.limit', 1] }, { var: '' }] }, ['c'], condition);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: P.unknownVariable, path: ['c', '>', 0, 'var'], message: 'reads "score", but a condition sees only {result, variables}; did you mean "result.score"?' }),
    ]);
    expect(checkJsonLogic({ var: 'anything' }, [], { what: 'activation' })).toEqual([]);
  });

  it('walks a 100,000-long argument list and 10,000 nested operations without recursion', () => {
    expect(checkJsonLogic({ or: Array.from({ length: 100_000 }, () => ({ var: 'result.x' })) }, [], condition)).toEqual([]);
    let deep: unknown = { bad: 1 };
    for (let level = 0; level < 10_000; level++) deep = { '!': [deep] };
    const problems = checkJsonLogic(deep, [], condition);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toHaveLength(20_001);
  });
});
