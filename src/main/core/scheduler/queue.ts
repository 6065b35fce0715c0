import { Heap } from './heap';

/** What the ready queue needs of a node. */
export interface Queueable {
  readonly priority: number;
  /** When the node became ready (ms since the epoch). */
  readyTime: number | null;
  /** True while an entry for the node is in the queue. */
  queued: boolean;
  /** Arrival order, the last tie-breaker. */
  queueSeq: number;
}

/**
 * Ready nodes waiting for Engine capacity: higher priority first, then the one ready longest,
 * then arrival order. A node that stops being ready keeps its entry; the scheduler drops it
 * when it comes out (the node's status says whether it is still ready), which keeps every
 * operation O(log n) without a search.
 */
export class ReadyQueue<T extends Queueable> {
  private seq = 0;
  private readonly heap = new Heap<T>((a, b) => {
    if (a.priority !== b.priority) return a.priority > b.priority;
    const at = a.readyTime ?? 0;
    const bt = b.readyTime ?? 0;
    if (at !== bt) return at < bt;
    return a.queueSeq < b.queueSeq;
  });

  get size(): number {
    return this.heap.size;
  }

  add(node: T): void {
    if (node.queued) return;
    node.queued = true;
    node.queueSeq = this.seq++;
    this.heap.push(node);
  }

  peek(): T | undefined {
    return this.heap.peek();
  }

  take(): T | undefined {
    const node = this.heap.pop();
    if (node) node.queued = false;
    return node;
  }

  clear(): void {
    for (let node = this.heap.pop(); node; node = this.heap.pop()) node.queued = false;
  }
}
