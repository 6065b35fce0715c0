import { describe, expect, it } from 'vitest';
import { CONSOLE_METHOD_NAMES, CONSOLE_METHODS } from '../../../../src/shared/api/contract';
import { createConsoleService } from '../../../../src/main/core/service/console-service';
import { openTestStore } from '../../../helpers/store';

describe('ConsoleApi contract', () => {
  it('is implemented by the service exactly: every method, nothing extra', async () => {
    const store = await openTestStore();
    const service = createConsoleService({ store, appName: 'x', version: '1' });
    expect(Object.keys(service).sort()).toEqual([...CONSOLE_METHOD_NAMES].sort());
    for (const name of CONSOLE_METHOD_NAMES) expect(typeof service[name]).toBe('function');
    store.close();
  });

  it('declares each method as a query or a control with an argument schema', () => {
    for (const [name, spec] of Object.entries(CONSOLE_METHODS)) {
      expect({ name, kind: ['query', 'control'].includes(spec.kind) }).toEqual({ name, kind: true });
      expect(typeof spec.args.safeParse).toBe('function');
    }
  });
});
