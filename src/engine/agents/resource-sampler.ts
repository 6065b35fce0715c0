import pidusage from 'pidusage';

/**
 * Samples a process's CPU and memory with pidusage at a fixed interval. A sample that fails
 * (the process just ended) is skipped, and so is one without resident memory: a process
 * caught between fork and exec, or already a zombie, would draw a false drop to zero.
 * Returns the function that stops sampling.
 */
export function sampleProcess(pid: number, intervalMs: number, onSample: (cpuPercent: number, memoryBytes: number) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const take = (): void => {
    pidusage(pid, { maxage: intervalMs * 3 })
      .then((stat) => {
        if (!stopped && stat.memory > 0) onSample(Math.max(0, stat.cpu), stat.memory);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = setTimeout(take, intervalMs);
      });
  };
  take();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
