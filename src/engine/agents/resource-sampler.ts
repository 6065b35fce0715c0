import pidusage from 'pidusage';

/**
 * Samples a process's CPU and memory with pidusage at a fixed interval; a sample that fails
 * (the process just ended) is skipped. Returns the function that stops sampling.
 */
export function sampleProcess(pid: number, intervalMs: number, onSample: (cpuPercent: number, memoryBytes: number) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const take = (): void => {
    pidusage(pid, { maxage: intervalMs * 3 })
      .then((stat) => {
        if (!stopped) onSample(Math.max(0, stat.cpu), Math.max(0, stat.memory));
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
