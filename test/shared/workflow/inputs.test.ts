import { describe, expect, it } from 'vitest';
import { applyInputs, fitsInputType } from '../../../src/shared/workflow/inputs';
import { formatPath } from '../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { flat } from '../../helpers/workflow';

describe('declared inputs', () => {
  it('tells the values of each input type', () => {
    expect([fitsInputType('integer', 3), fitsInputType('integer', 3.5), fitsInputType('number', 3.5), fitsInputType('number', '3')]).toEqual([true, false, true, false]);
    expect([fitsInputType('object', {}), fitsInputType('object', []), fitsInputType('array', []), fitsInputType('object', null)]).toEqual([true, false, true, false]);
    expect([fitsInputType('boolean', false), fitsInputType('string', ''), fitsInputType('string', 1)]).toEqual([true, true, false]);
  });

  it('fills defaults, keeps given values, and lists every gap', () => {
    const { variables, gaps } = applyInputs(
      [
        { name: 'a', type: 'integer', default: 1 },
        { name: 'b', type: 'string', required: true },
        { name: 'c', type: 'boolean' },
        { name: 'd', type: 'array' },
      ],
      { d: 'x', extra: true },
    );
    expect(variables).toEqual({ a: 1, d: 'x', extra: true });
    expect(gaps.map((gap) => [gap.kind, gap.input.name])).toEqual([
      ['missing', 'b'],
      ['wrongType', 'd'],
    ]);
  });

  it('are checked by the validator: each name once, each default of its type', () => {
    const result = validateWorkflow({
      ...flat(['a']),
      inputs: [
        { name: 'x', type: 'integer', default: 'one' },
        { name: 'x', type: 'string' },
        { name: 'y', type: 'colour' },
      ],
    });
    expect(result.problems.map((found) => `${formatPath(found.path)}: ${found.message}`)).toEqual([
      'inputs[2].type: must be one of "string", "number", "integer", "boolean", "object", "array", not "colour"',
    ]);
    const checked = validateWorkflow({ ...flat(['a']), inputs: [{ name: 'x', type: 'integer', default: 'one' }, { name: 'x', type: 'string' }] });
    expect(checked.problems.map((found) => `${formatPath(found.path)}: ${found.message}`)).toEqual([
      'inputs[0].default: the default of the input "x" must be of type integer, not the text "one"',
      'inputs[1].name: the input "x" is already declared by inputs[0]; input names must be unique',
    ]);
  });
});
