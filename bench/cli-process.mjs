// Runs the built `deduction` command as a whole process and measures it: wall time and peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Loaded with --import into the measured process: writes its peak RSS and CPU time where DEDUCTION_BENCH_RSS names. */
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

let runs = 0;

/** Runs `node <bin> ...args`; resolves with its exit code, wall and CPU milliseconds, peak RSS (MB) and output. */
export function timeCommand(bin, args, { cwd } = {}) {
  const rssFile = join(tmpdir(), `deduction-bench-rss-${process.pid}-${runs++}`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RSS_PROBE, bin, ...args], {
      cwd,
      env: { ...process.env, DEDUCTION_BENCH_RSS: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rssMb = NaN;
      let cpuMs = NaN;
      try {
        const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
        rssMb = rss / (1024 * 1024);
        cpuMs = cpu;
        rmSync(rssFile);
      } catch {
        // The process died before its exit handler ran: no RSS figure, the exit code says why.
      }
      resolve({ code, ms, cpuMs, rssMb, stdout, stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `--name value` options of a bench script. */
export function readOptions(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    if (!(name in defaults)) throw new Error(`unknown option ${argv[i]}; known: ${Object.keys(defaults).map((key) => `--${key}`).join(', ')}`);
    options[name] = typeof defaults[name] === 'number' ? Number(argv[++i]) : argv[++i];
  }
  return options;
}
