import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoute, MONITOR_TABS, parseRoute, type Route } from '../../../src/renderer/src/shell/route';

describe('routes', () => {
  it('reads the screens from the URL fragment', () => {
    expect(parseRoute('')).toEqual({ screen: 'editor' });
    expect(parseRoute('#/editor')).toEqual({ screen: 'editor' });
    expect(parseRoute('#/tasks')).toEqual({ screen: 'tasks' });
    expect(parseRoute('#/environments')).toEqual({ screen: 'environments' });
    expect(parseRoute('#/triggers')).toEqual({ screen: 'triggers' });
    expect(parseRoute('#/tasks/42/logs?node=recon&present=1')).toEqual({ screen: 'task', taskId: '42', tab: 'logs', nodeId: 'recon', presenting: true });
  });

  it('falls back instead of failing on a fragment it does not know', () => {
    expect(parseRoute('#/tasks/not-an-id')).toEqual({ screen: 'tasks' });
    expect(parseRoute('#/tasks/42/nonsense')).toMatchObject({ screen: 'task', tab: 'tree' });
    expect(parseRoute('#token=abc')).toEqual({ screen: 'editor' });
    expect(parseRoute('#/compare?a=12&b=x')).toEqual({ screen: 'compare', a: '12', b: null });
  });

  it('reads back every route it writes', () => {
    const route = fc.oneof(
      fc.constant<Route>({ screen: 'editor' }),
      fc.constant<Route>({ screen: 'tasks' }),
      fc.constant<Route>({ screen: 'environments' }),
      fc.constant<Route>({ screen: 'triggers' }),
      fc.record({
        screen: fc.constant('task' as const),
        taskId: fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String),
        tab: fc.constantFrom(...MONITOR_TABS),
        nodeId: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: null }),
        presenting: fc.boolean(),
      }),
      fc.record({
        screen: fc.constant('compare' as const),
        a: fc.option(fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String), { nil: null }),
        b: fc.option(fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(route, (value) => {
        expect(parseRoute(formatRoute(value))).toEqual(value);
      }),
    );
  });
});
