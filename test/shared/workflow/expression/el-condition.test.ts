import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { conditionToJsonLogic, elToJsonLogic } from '../../../../src/shared/workflow/expression/el-condition';
import { jsonLogicToCondition } from '../../../../src/shared/workflow/expression/el-printer';
import type { JsonLogic } from '../../../../src/shared/workflow/expression/logic';

type Logic = Parameters<typeof jsonLogic.apply>[0];
const amount = { var: 'variables.amount' };

describe('EL conditions to JSON Logic', () => {
  it.each([
    ['${amount > 1000}', { '>': [amount, 1000] }],
    ['#{approved}', { '!!': [{ var: 'variables.approved' }] }],
    ["${x == 'y'}", { '==': [{ var: 'variables.x' }, 'y'] }],
    ['${x != "a \\"b\\""}', { '!=': [{ var: 'variables.x' }, 'a "b"'] }],
    ['${amount le -2.5}', { '<=': [amount, -2.5] }],
    ['${order.total ge 10 and not rush}', { and: [{ '>=': [{ var: 'variables.order.total' }, 10] }, { '!': [{ '!!': [{ var: 'variables.rush' }] }] }] }],
    ['${a || b && c}', { or: [{ '!!': [{ var: 'variables.a' }] }, { and: [{ '!!': [{ var: 'variables.b' }] }, { '!!': [{ var: 'variables.c' }] }] }] }],
    ['${(a == 1) == true}', { '==': [{ '==': [{ var: 'variables.a' }, 1] }, true] }],
    ['  ${ done == null }  ', { '==': [{ var: 'variables.done' }, null] }],
  ])('%s', (expression, expected) => {
    expect(elToJsonLogic(expression)).toEqual(expected);
  });

  it.each([
    ['a method call', "${execution.getVariable('x')}"],
    ['arithmetic', '${a + b > 3}'],
    ['a chained comparison', '${1 < a < 3}'],
    ['no EL wrapper', 'amount > 1000'],
    ['an empty expression', '${}'],
    ['an unterminated string', "${x == 'y}"],
    ['unbalanced parentheses', '${(a > 1}'],
    ['two expressions', '${a} || ${b}'],
  ])('refuses %s', (_what, expression) => {
    expect(elToJsonLogic(expression)).toBeUndefined();
  });

  it('evaluates as the engine would, over the task variables', () => {
    const logic = elToJsonLogic("${amount > 1000 && region == 'north'}") as Logic;
    expect(jsonLogic.apply(logic, { variables: { amount: 1500, region: 'north' } })).toBe(true);
    expect(jsonLogic.apply(logic, { variables: { amount: 500, region: 'north' } })).toBe(false);
  });
});

describe('conditionToJsonLogic (conditions written in a workflow file)', () => {
  it('reads paths rooted at the condition data as written, other names as task variables, with or without ${…}', () => {
    expect(conditionToJsonLogic('variables.needPatch == true')).toEqual({ '==': [{ var: 'variables.needPatch' }, true] });
    expect(conditionToJsonLogic('${variables.needPatch == true}')).toEqual({ '==': [{ var: 'variables.needPatch' }, true] });
    expect(conditionToJsonLogic('${ok}')).toEqual({ '!!': [{ var: 'variables.ok' }] });
    expect(conditionToJsonLogic('result.status < 300 and not variables.dryRun')).toEqual({ and: [{ '<': [{ var: 'result.status' }, 300] }, { '!': [{ '!!': [{ var: 'variables.dryRun' }] }] }] });
    expect(conditionToJsonLogic('count(x) > 1')).toBeUndefined();
    expect(conditionToJsonLogic('')).toBeUndefined();
  });

  it('reads back what jsonLogicToCondition prints, in the forms it reads', () => {
    for (const logic of <JsonLogic[]>[{ '==': [{ var: 'variables.a' }, 'x'] }, { or: [{ '>': [{ var: 'result.n' }, 2] }, { '!': [{ '!!': [{ var: 'variables.done' }] }] }] }]) {
      const text = jsonLogicToCondition(logic);
      expect(text).toBeDefined();
      expect(conditionToJsonLogic(text!)).toEqual(logic);
    }
    expect(jsonLogicToCondition({ '==': [{ var: 'variables.a' }, 1] })).toBe('variables.a == 1');
    // A bare var under "!" prints as the same text as its "!!" form, so it does not read back itself: the export keeps it as JSON Logic.
    expect(conditionToJsonLogic(jsonLogicToCondition({ '!': [{ var: 'variables.done' }] })!)).not.toEqual({ '!': [{ var: 'variables.done' }] });
  });
});
