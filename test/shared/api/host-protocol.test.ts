import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CONSOLE_METHOD_NAMES, CONSOLE_METHODS } from '../../../src/shared/api/contract';
import { argsFromWire } from '../../../src/shared/api/host-protocol';

describe('argsFromWire', () => {
  it('turns null back into a left-out argument exactly where the contract takes an absent argument but no null', () => {
    let optionalSeen = 0;
    for (const method of CONSOLE_METHOD_NAMES) {
      const items = (CONSOLE_METHODS[method].args as unknown as z.ZodTuple).def.items as readonly z.ZodType[];
      const restored = argsFromWire(method, items.map(() => null));
      items.forEach((item, index) => {
        const absent = item.safeParse(undefined).success && !item.safeParse(null).success;
        if (absent) optionalSeen += 1;
        expect({ method, index, value: restored[index] }).toEqual({ method, index, value: absent ? undefined : null });
      });
    }
    // stopTask, stopNode (reason), createTask, listTasks, queryNodes, listExecutions (options) at least.
    expect(optionalSeen).toBeGreaterThanOrEqual(6);
  });

  it('leaves every other value as sent, for the dispatcher to check', () => {
    expect(argsFromWire('stopNode', ['1', 'n', 'why'])).toEqual(['1', 'n', 'why']);
    expect(argsFromWire('getTask', [null])).toEqual([null]);
    expect(argsFromWire('listExecutions', ['1', { updatedSince: 3 }, null])).toEqual(['1', { updatedSince: 3 }, null]);
    // createTask's definition takes anything, null included: the validator words what is wrong with it.
    expect(argsFromWire('createTask', [null, null])).toEqual([null, undefined]);
  });
});
