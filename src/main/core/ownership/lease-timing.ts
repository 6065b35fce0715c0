/**
 * How often a process renews its lease, how old a heartbeat may grow before its process
 * counts as gone, and how often a process looks for other processes' commits. The bound is
 * several heartbeats so that a process busy with one long write is not taken for dead.
 */
export interface LeaseTiming {
  heartbeatMs: number;
  expiryMs: number;
  watchMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { heartbeatMs: 2000, expiryMs: 10_000, watchMs: 250 };

/** Environment variables that shorten the intervals (tests, demos); each a whole number of ms. */
export const LEASE_ENV = {
  heartbeatMs: 'DEDUCTION_LEASE_HEARTBEAT_MS',
  expiryMs: 'DEDUCTION_LEASE_EXPIRY_MS',
  watchMs: 'DEDUCTION_WATCH_INTERVAL_MS',
} as const;

/**
 * The timing from explicit options, else the environment, else the defaults. Without an
 * explicit bound, it is five heartbeats. A value that is not a positive whole number, or a
 * bound not longer than a heartbeat, is refused with the variable's name.
 */
export function leaseTiming(given: Partial<LeaseTiming> = {}, env: NodeJS.ProcessEnv = process.env): LeaseTiming {
  const read = (key: keyof LeaseTiming): number | undefined => {
    const value = given[key];
    if (value !== undefined) return checked(key, value, `option ${key}`);
    const text = env[LEASE_ENV[key]];
    if (text === undefined || text === '') return undefined;
    return checked(key, Number(text), `${LEASE_ENV[key]}=${JSON.stringify(text)}`);
  };
  const heartbeatMs = read('heartbeatMs') ?? DEFAULT_LEASE_TIMING.heartbeatMs;
  const expiryMs = read('expiryMs') ?? heartbeatMs * 5;
  const watchMs = read('watchMs') ?? DEFAULT_LEASE_TIMING.watchMs;
  if (expiryMs <= heartbeatMs) {
    throw new Error(`the lease bound (${expiryMs} ms) must be longer than the heartbeat interval (${heartbeatMs} ms), or every process would look gone`);
  }
  return { heartbeatMs, expiryMs, watchMs };
}

function checked(key: keyof LeaseTiming, value: number, source: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${source}: ${key} must be a positive whole number of milliseconds`);
  return value;
}
