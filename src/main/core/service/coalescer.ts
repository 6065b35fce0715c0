/**
 * Turns a burst of changes into a few batches a second: the latest value per key is kept
 * until the next flush, so a node that changes ten times between two flushes is sent once,
 * in its newest state. The first change after a quiet period is sent at the next tick, never
 * delayed by more than one interval.
 */
export interface Coalescer<K, V> {
  add(key: K, value: V): void;
  /** Sends what is pending now (used before shutting down). */
  flush(): void;
  close(): void;
}

export function createCoalescer<K, V>(intervalMs: number, send: (batch: V[]) => void): Coalescer<K, V> {
  let pending = new Map<K, V>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    send(batch);
  };
  return {
    add(key, value) {
      pending.delete(key);
      pending.set(key, value);
      timer ??= setTimeout(flush, intervalMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
