export interface CoalescedPull {
  /** Asks for a run; while one runs, any number of asks become one further run. */
  pull(): void;
  /** No further runs start. */
  stop(): void;
}

/**
 * Runs `fetch` for live notices one at a time. Notices arriving while a run is under way fold
 * into one further run, so a burst of notices costs two fetches, not one each; a run that
 * reports more waiting (it got a full page) runs again at once. Runs start at least `gapMs`
 * apart: a tail of thousands of lines a second is read in a few large pages a second, not in
 * a stream of small ones that would keep the window busy. An error ends the runs until the
 * next pull.
 */
export function coalescedPull(fetch: () => Promise<boolean>, onError: (error: unknown) => void, gapMs = 0): CoalescedPull {
  let running = false;
  let again = false;
  let stopped = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    if (stopped) return;
    if (running || waiting !== null) {
      again = true;
      return;
    }
    const wait = lastStart + gapMs - Date.now();
    if (wait > 0) {
      waiting = setTimeout(() => {
        waiting = null;
        run();
      }, wait);
      return;
    }
    running = true;
    again = false;
    lastStart = Date.now();
    fetch().then(
      (more) => {
        running = false;
        // A full page means the tail is behind: catch up without waiting out the gap.
        if (more) lastStart = Number.NEGATIVE_INFINITY;
        if (more || again) run();
      },
      (error: unknown) => {
        running = false;
        again = false;
        if (!stopped) onError(error);
      },
    );
  };
  return {
    pull: run,
    stop: () => {
      stopped = true;
      if (waiting !== null) clearTimeout(waiting);
    },
  };
}
