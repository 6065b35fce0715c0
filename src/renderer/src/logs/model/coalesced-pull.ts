export interface CoalescedPull {
  /** Asks for a run; while one runs, any number of asks become one further run. */
  pull(): void;
  /** No further runs start. */
  stop(): void;
}

/**
 * Runs `fetch` for live notices one at a time. Notices arriving while a run is under way fold
 * into one further run, so a burst of notices costs two fetches, not one each; a run that
 * reports more waiting (it got a full page) runs again at once. An error ends the runs until
 * the next pull.
 */
export function coalescedPull(fetch: () => Promise<boolean>, onError: (error: unknown) => void): CoalescedPull {
  let running = false;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    fetch().then(
      (more) => {
        running = false;
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
    },
  };
}
