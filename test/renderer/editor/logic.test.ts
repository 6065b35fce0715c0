import { describe, expect, it } from 'vitest';
import { checkLogicText } from '../../../src/renderer/src/editor/model/logic-check';
import { describeLogic } from '../../../src/renderer/src/editor/model/logic-preview';

describe('JSON Logic preview', () => {
  it.each([
    [{ '>': [{ var: 'result.score' }, 0.5] }, 'result.score > 0.5'],
    [{ and: [{ '==': [{ var: 'result.status' }, 'ok'] }, { '<=': [{ var: 'variables.n' }, 3] }] }, 'result.status == "ok" and variables.n <= 3'],
    [{ or: [{ and: [true, false] }, { '!': { var: 'result.done' } }] }, 'true and false or not result.done'],
    [{ and: [{ or: [{ var: 'a' }, { var: 'b' }] }, { var: 'c' }] }, '(a or b) and c'],
    [{ '*': [{ '+': [1, 2] }, 3] }, '(1 + 2) * 3'],
    [{ '-': [10, { '-': [4, 3] }] }, '10 - (4 - 3)'],
    [{ in: ['red', { var: 'result.tags' }] }, '"red" in result.tags'],
    [{ if: [{ var: 'x' }, 'a', { var: 'y' }, 'b', 'c'] }, 'if x then "a" else if y then "b" else "c"'],
    [{ missing: ['result.a', 'result.b'] }, 'missing("result.a", "result.b")'],
    [{ var: ['result.n', 0] }, 'result.n ?? 0'],
    [true, 'true'],
  ])('renders %j as %s', (expression, text) => {
    expect(describeLogic(expression)).toBe(text);
  });
});

describe('JSON Logic check while typing', () => {
  it('accepts an empty field as no condition', () => {
    expect(checkLogicText('  ')).toEqual({ ok: true, value: undefined, empty: true });
  });

  it('accepts a well-formed expression and returns its value', () => {
    expect(checkLogicText('{">": [{"var": "result.score"}, 0.5]}')).toEqual({ ok: true, value: { '>': [{ var: 'result.score' }, 0.5] }, empty: false });
  });

  it('reports a syntax error', () => {
    expect(checkLogicText('{">": [1,')).toMatchObject({ ok: false, error: 'syntax' });
  });

  it('refuses values that are not an expression', () => {
    expect(checkLogicText('42')).toEqual({ ok: false, error: 'shape' });
    expect(checkLogicText('[1]')).toEqual({ ok: false, error: 'shape' });
  });

  it('names an unknown operator, even in a branch that would not run', () => {
    expect(checkLogicText('{"if": [true, 1, {"frobnicate": [1]}]}')).toEqual({ ok: false, error: 'operator', detail: 'frobnicate' });
  });
});
