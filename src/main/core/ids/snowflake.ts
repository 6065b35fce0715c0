import type { Id } from '../../../shared/ids';

/** Custom epoch keeps 41 bits of milliseconds good for ~69 years from 2024. */
export const SNOWFLAKE_EPOCH_MS = 1_704_067_200_000n; // 2024-01-01T00:00:00Z
const WORKER_BITS = 10n;
const SEQUENCE_BITS = 12n;
const MAX_WORKER = (1n << WORKER_BITS) - 1n;
const MAX_SEQUENCE = (1n << SEQUENCE_BITS) - 1n;

export interface SnowflakeParts {
  timeMs: number;
  worker: number;
  sequence: number;
}

/**
 * Snowflake ids (time, worker, sequence) as in the Deduction design. Monotonic within one
 * generator even if the wall clock steps back: the last timestamp is kept and reused.
 */
export class SnowflakeGenerator {
  private readonly worker: bigint;
  private lastMs = -1n;
  private sequence = 0n;

  constructor(
    worker = 0,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(worker) || worker < 0 || BigInt(worker) > MAX_WORKER) {
      throw new RangeError(`snowflake worker must be an integer from 0 to ${MAX_WORKER}, got ${worker}`);
    }
    this.worker = BigInt(worker);
  }

  nextBigInt(): bigint {
    let ms = BigInt(Math.floor(this.now())) - SNOWFLAKE_EPOCH_MS;
    if (ms < this.lastMs) ms = this.lastMs;
    if (ms === this.lastMs) {
      this.sequence = (this.sequence + 1n) & MAX_SEQUENCE;
      // Sequence exhausted within one millisecond: borrow the next millisecond.
      if (this.sequence === 0n) ms = this.lastMs + 1n;
    } else {
      this.sequence = 0n;
    }
    this.lastMs = ms;
    return (ms << (WORKER_BITS + SEQUENCE_BITS)) | (this.worker << SEQUENCE_BITS) | this.sequence;
  }

  next(): Id {
    return this.nextBigInt().toString();
  }
}

export function decodeSnowflake(id: Id): SnowflakeParts {
  const value = BigInt(id);
  return {
    timeMs: Number((value >> (WORKER_BITS + SEQUENCE_BITS)) + SNOWFLAKE_EPOCH_MS),
    worker: Number((value >> SEQUENCE_BITS) & MAX_WORKER),
    sequence: Number(value & MAX_SEQUENCE),
  };
}
