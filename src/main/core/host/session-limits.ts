import { ApiError, type CallResult } from '../../../shared/api/errors';
import type { ConsoleMethodName } from '../../../shared/api/contract';

/** Calls whose cost grows with what the caller sends (a whole workflow) or with a whole task's history. */
const HEAVY_METHODS: ReadonlySet<string> = new Set<ConsoleMethodName>(['validateWorkflow', 'importWorkflow', 'exportWorkflow', 'exportRunReport', 'diffTemplates']);

export interface SessionLimitOptions {
  /** Calls one session may have waiting for their answer at once. */
  maxInFlight?: number;
  /** Of those, heavy ones: one session cannot queue up the host's expensive work. */
  maxHeavyInFlight?: number;
}

/**
 * What one browser session may have the host work on at once. A call over the limit is
 * answered at once with UNAVAILABLE, before any of its work starts.
 */
export class SessionLimits {
  private inFlight = 0;
  private heavyInFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxHeavyInFlight: number;

  constructor(options: SessionLimitOptions = {}) {
    this.maxInFlight = options.maxInFlight ?? 16;
    this.maxHeavyInFlight = options.maxHeavyInFlight ?? 1;
  }

  /** Runs `work` within the limits, or refuses it naming the limit. */
  async run(method: unknown, work: () => Promise<CallResult>): Promise<CallResult> {
    const heavy = typeof method === 'string' && HEAVY_METHODS.has(method);
    if (this.inFlight >= this.maxInFlight) return busy(`${String(method)}: this session already has ${this.inFlight} calls waiting (at most ${this.maxInFlight}); wait for their answers`);
    if (heavy && this.heavyInFlight >= this.maxHeavyInFlight) {
      return busy(`${String(method)}: this session already has ${this.heavyInFlight} heavy call(s) running (at most ${this.maxHeavyInFlight}); wait for it to finish`);
    }
    this.inFlight += 1;
    if (heavy) this.heavyInFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (heavy) this.heavyInFlight -= 1;
    }
  }
}

function busy(message: string): CallResult {
  return { ok: false, error: new ApiError('UNAVAILABLE', message).toBody() };
}
