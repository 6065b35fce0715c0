import { describe, expect, it } from 'vitest';
import { elToJsonLogic } from '../../../../src/shared/workflow/expression/el-condition';
import { jsonLogicToEl } from '../../../../src/shared/workflow/expression/el-printer';

describe('JSON Logic to readable EL', () => {
  it.each([
    ['${amount > 1000}'],
    ["${x == 'it\\'s'}"],
    ['${!approved}'],
    ['${a && (b || c)}'],
    ['${!(a > 1)}'],
  ])('prints %s back as it reads', (expression) => {
    const logic = elToJsonLogic(expression);
    expect(logic).toBeDefined();
    const printed = jsonLogicToEl(logic as NonNullable<typeof logic>);
    expect(printed).toBeDefined();
    expect(elToJsonLogic(printed as string)).toEqual(logic);
  });

  it('leaves result paths as they are and gives up on operators EL lacks', () => {
    expect(jsonLogicToEl({ '>=': [{ var: 'result.score' }, 0.5] })).toBe('${result.score >= 0.5}');
    expect(jsonLogicToEl({ in: ['x', { var: 'result.tags' }] })).toBeUndefined();
    expect(jsonLogicToEl({ var: 'a b' })).toBeUndefined();
  });
});
