// Preloaded (--import) into a benchmarked process: on exit, its peak RSS (bytes) and CPU time (ms)
// go to the file DEDUCTION_BENCH_RSS names: CPU time says more than wall time on a loaded machine.
import { writeFileSync } from 'node:fs';

const file = process.env.DEDUCTION_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS * 1024} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
  });
}
