import { cpus, freemem, totalmem } from 'node:os';

interface CpuTimes {
  busy: number;
  total: number;
}

function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

/**
 * The Engine host's CPU and memory, for the console's per-Engine charts. CPU is in the unit
 * the agents' samples use (pidusage: 100 is one core busy), so a host's line and its nodes'
 * lines compare; it is measured between two calls from the kernel's per-core counters, which
 * is what a system monitor does (no library reports the host as a whole).
 */
export class HostSampler {
  private last = cpuTimes();
  private readonly cores = Math.max(1, cpus().length);

  sample(): { cpuPercent: number; memoryBytes: number } {
    const now = cpuTimes();
    const total = now.total - this.last.total;
    const busy = now.busy - this.last.busy;
    this.last = now;
    const share = total > 0 ? Math.min(1, Math.max(0, busy / total)) : 0;
    return { cpuPercent: share * 100 * this.cores, memoryBytes: Math.max(0, totalmem() - freemem()) };
  }
}
