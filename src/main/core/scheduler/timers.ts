import { Heap } from './heap';

/** Node's setTimeout cannot wait longer than this; later times are reached in steps. */
const MAX_DELAY_MS = 2_147_483_647;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Entry<T> {
  at: number;
  seq: number;
  item: T;
}

/**
 * Every future moment the scheduler waits for (pins, retry backoffs, execution deadlines) on
 * one heap and one armed timeout. The moments themselves are stored with the nodes
 * (not_before, an execution's start plus its timeout), so after a restart the scheduler adds
 * them here again and nothing is forgotten. Entries are not removed when they become moot;
 * whoever receives a due item checks that it still applies.
 */
export class TimerQueue<T> {
  private readonly heap = new Heap<Entry<T>>((a, b) => (a.at !== b.at ? a.at < b.at : a.seq < b.seq));
  private seq = 0;
  private handle: unknown = null;
  private armedAt = Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: (items: T[]) => void,
  ) {}

  get size(): number {
    return this.heap.size;
  }

  add(at: number, item: T): void {
    this.heap.push({ at, seq: this.seq++, item });
    if (at < this.armedAt) this.arm();
  }

  clear(): void {
    this.heap.clear();
    this.disarm();
  }

  private disarm(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.armedAt = Infinity;
  }

  private arm(): void {
    this.disarm();
    const next = this.heap.peek();
    if (!next) return;
    this.armedAt = next.at;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, next.at - this.clock.now()));
    this.handle = this.clock.setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    this.handle = null;
    this.armedAt = Infinity;
    const now = this.clock.now();
    const due: T[] = [];
    for (let next = this.heap.peek(); next && next.at <= now; next = this.heap.peek()) due.push(this.heap.pop()!.item);
    this.arm();
    if (due.length > 0) this.onDue(due);
  }
}
