import { describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_TIMING, LEASE_ENV, leaseTiming } from '../../../../src/main/core/ownership/lease-timing';

describe('leaseTiming', () => {
  it('defaults to a 2 s heartbeat and a bound of five heartbeats', () => {
    expect(leaseTiming({}, {})).toEqual(DEFAULT_LEASE_TIMING);
    expect(leaseTiming({ heartbeatMs: 100 }, {})).toEqual({ heartbeatMs: 100, expiryMs: 500, watchMs: 250 });
  });

  it('takes the environment when no option is given, options first', () => {
    const env = { [LEASE_ENV.heartbeatMs]: '200', [LEASE_ENV.expiryMs]: '3000', [LEASE_ENV.watchMs]: '100' };
    expect(leaseTiming({}, env)).toEqual({ heartbeatMs: 200, expiryMs: 3000, watchMs: 100 });
    expect(leaseTiming({ watchMs: 400 }, env).watchMs).toBe(400);
  });

  it('refuses values that are not positive whole milliseconds, naming the variable, and a bound not above a heartbeat', () => {
    expect(() => leaseTiming({}, { [LEASE_ENV.heartbeatMs]: 'fast' })).toThrow('DEDUCTION_LEASE_HEARTBEAT_MS="fast": heartbeatMs must be a positive whole number of milliseconds');
    expect(() => leaseTiming({}, { [LEASE_ENV.watchMs]: '-5' })).toThrow(/DEDUCTION_WATCH_INTERVAL_MS="-5"/);
    expect(() => leaseTiming({ heartbeatMs: 1000, expiryMs: 1000 }, {})).toThrow(/lease bound \(1000 ms\) must be longer than the heartbeat interval \(1000 ms\)/);
  });
});
