/**
 * Acknowledgements of ingested events, paced: the Engine needs them only to free the events it
 * keeps for replay and to keep its send window open (the console's cursor, committed with each
 * batch, is what makes ingestion exactly-once), so one ack per `everyEvents` events or per
 * `delayMs` stands for many, instead of a socket write for every batch. No start waits on it.
 */
export class AckPacer {
  private pending: { stream: string; seq: number } | null = null;
  private sent = { stream: '', seq: 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (stream: string, seq: number) => void,
    private readonly everyEvents: number,
    private readonly delayMs: number,
  ) {}

  ack(stream: string, seq: number): void {
    if (this.pending !== null && this.pending.stream !== stream) this.flush();
    this.pending = { stream, seq };
    const sinceSent = this.sent.stream === stream ? seq - this.sent.seq : Number.POSITIVE_INFINITY;
    if (sinceSent >= this.everyEvents) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    this.sent = pending;
    this.send(pending.stream, pending.seq);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }
}
