/** How an agent pauses and resumes what it runs beyond its own loop (a process tree). */
export interface PauseHooks {
  pause(): void;
  resume(): void;
}

/**
 * One execution's pause switch (the pauseNode and resumeNode commands). An agent that can
 * pause says so with `accept` (with hooks when pausing needs more than waiting at
 * `whilePaused`, such as stopping a process tree); an execution whose agent never accepted is
 * refused a pause with `refusal`.
 */
export class PauseGate {
  private accepted = false;
  private hooks: PauseHooks | null = null;
  private isPaused = false;
  private waiters: Array<() => void> = [];

  accept(hooks?: PauseHooks): void {
    this.accepted = true;
    this.hooks = hooks ?? null;
  }

  get canPause(): boolean {
    return this.accepted;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** True once paused (also when it already was); false when the agent cannot pause. */
  pause(): boolean {
    if (!this.accepted) return false;
    if (this.isPaused) return true;
    this.isPaused = true;
    this.hooks?.pause();
    return true;
  }

  resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.hooks?.resume();
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves at once unless paused; otherwise when resumed or when `signal` aborts. */
  whilePaused(signal: AbortSignal): Promise<void> {
    if (!this.isPaused || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
