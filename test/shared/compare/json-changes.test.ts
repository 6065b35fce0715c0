import { describe, expect, it } from 'vitest';
import { jsonChanges } from '../../../src/shared/compare/json-changes';

describe('jsonChanges', () => {
  it('names each difference by its path, with the values before and after', () => {
    expect(jsonChanges({ forces: { red: 9, blue: 7 }, routes: ['north', 'south'], gone: true }, { forces: { red: 9, blue: 8 }, routes: ['north', 'east', 'west'], added: 1 })).toEqual(
      expect.arrayContaining([
        { path: 'forces.blue', kind: 'changed', before: 7, after: 8 },
        { path: 'routes[1]', kind: 'changed', before: 'south', after: 'east' },
        { path: 'routes[2]', kind: 'added', after: 'west' },
        { path: 'gone', kind: 'removed', before: true },
        { path: 'added', kind: 'added', after: 1 },
      ]),
    );
  });

  it('quotes keys that do not read as names, so that a dotted key is not taken for a nested one', () => {
    expect(jsonChanges({ '10.0.0.1': 1, a: { b: 1 }, 目标: { 'load avg': 1 } }, { '10.0.0.1': 2, a: { b: 2 }, 目标: { 'load avg': 2 } }).map((change) => change.path)).toEqual([
      '["10.0.0.1"]',
      'a.b',
      '目标["load avg"]',
    ]);
  });

  it('compares values that are not both objects (or both arrays) whole', () => {
    expect(jsonChanges(null, { a: 1 })).toEqual([{ path: '', kind: 'changed', before: null, after: { a: 1 } }]);
    expect(jsonChanges([1], { 0: 1 })).toEqual([{ path: '', kind: 'changed', before: [1], after: { 0: 1 } }]);
    expect(jsonChanges('x', 'x')).toEqual([]);
    expect(jsonChanges({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
