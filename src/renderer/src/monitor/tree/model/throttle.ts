export interface Throttled {
  /** Runs now if the last run is at least `ms` ago, else once at the end of the interval. */
  call(): void;
  cancel(): void;
}

/** At most one run per interval, and never a lost last call: bursts of events end in a fresh run. */
export function throttle(run: () => void, ms: number, clock: { now(): number } = Date): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = clock.now();
    run();
  };
  return {
    call() {
      if (timer !== null) return;
      const wait = last + ms - clock.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
