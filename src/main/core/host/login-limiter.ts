export interface LoginLimiterOptions {
  /** Failed logins from one address, within `windowMs`, that close it for a while. */
  maxFailures?: number;
  windowMs?: number;
  /** The first closure; each further one while the burst goes on lasts twice as long, up to `maxBlockMs`. */
  blockMs?: number;
  maxBlockMs?: number;
  /** Where a burst is reported, once. */
  log: (line: string) => void;
  now?: () => number;
}

interface AddressState {
  failures: number[];
  blockedUntil: number;
  /** Closures in the current burst: the next one lasts 2^strikes times `blockMs`. */
  strikes: number;
  /** Attempts refused or failed since the burst began. */
  refused: number;
  lastSeen: number;
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Brakes on guessing tokens, per remote address: after a few failed logins the address is
 * refused, before any token is compared, for a window that doubles while it keeps trying. A
 * burst is logged once, when it starts; later attempts are only counted, so a flood cannot
 * flood the log.
 */
export class LoginLimiter {
  private readonly addresses = new Map<string, AddressState>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly blockMs: number;
  private readonly maxBlockMs: number;
  private readonly now: () => number;

  constructor(private readonly options: LoginLimiterOptions) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.blockMs = options.blockMs ?? 1000;
    this.maxBlockMs = options.maxBlockMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Whether `address` may try a token now. */
  check(address: string): LoginVerdict {
    const state = this.addresses.get(address);
    const now = this.now();
    if (!state || state.blockedUntil <= now) return { allowed: true };
    state.refused += 1;
    state.lastSeen = now;
    return { allowed: false, retryAfterMs: state.blockedUntil - now };
  }

  failed(address: string): void {
    const now = this.now();
    this.forgetQuiet(now);
    const state = this.addresses.get(address) ?? { failures: [], blockedUntil: 0, strikes: 0, refused: 0, lastSeen: now };
    this.addresses.set(address, state);
    state.lastSeen = now;
    state.refused += 1;
    state.failures = state.failures.filter((at) => at > now - this.windowMs);
    state.failures.push(now);
    if (state.failures.length < this.maxFailures) return;
    const blockFor = Math.min(this.maxBlockMs, this.blockMs * 2 ** state.strikes);
    if (state.strikes === 0) {
      this.options.log(
        `login: ${state.failures.length} failed logins from ${address} within ${Math.round(this.windowMs / 1000)} s; refusing it for ${Math.ceil(blockFor / 1000)} s, ` +
          'longer while it keeps trying (further attempts of this burst are not logged)',
      );
    }
    state.strikes += 1;
    state.blockedUntil = now + blockFor;
    state.failures = [];
  }

  succeeded(address: string): void {
    this.addresses.delete(address);
  }

  /** Attempts refused or failed from `address` in its current burst. */
  refusedCount(address: string): number {
    return this.addresses.get(address)?.refused ?? 0;
  }

  /** An address quiet for a whole window after its last closure starts afresh: its next burst is logged again. */
  private forgetQuiet(now: number): void {
    for (const [address, state] of this.addresses) {
      if (state.blockedUntil + this.windowMs < now && state.lastSeen + this.windowMs < now) this.addresses.delete(address);
    }
  }
}
