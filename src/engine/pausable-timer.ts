/** A one-shot timer that can wait: paused, the time left is kept; resumed, it runs on from there. */
export class PausableTimer {
  private handle: ReturnType<typeof setTimeout> | null = null;
  private leftMs: number;
  private startedAt = 0;

  constructor(
    private readonly onDue: () => void,
    delayMs: number,
  ) {
    this.leftMs = delayMs;
    this.arm();
  }

  pause(): void {
    if (this.handle === null) return;
    clearTimeout(this.handle);
    this.handle = null;
    this.leftMs = Math.max(0, this.leftMs - (Date.now() - this.startedAt));
  }

  resume(): void {
    if (this.handle === null && this.leftMs >= 0) this.arm();
  }

  clear(): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.handle = null;
    this.leftMs = -1;
  }

  private arm(): void {
    this.startedAt = Date.now();
    this.handle = setTimeout(() => {
      this.handle = null;
      this.leftMs = -1;
      this.onDue();
    }, this.leftMs);
  }
}
