import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedEngine } from '../src/main/core/engine/embedded-engine';
import { createEventIngest } from '../src/main/core/engine/ingest-events';
import { Scheduler } from '../src/main/core/scheduler/scheduler';
import { openStore } from '../src/main/core/store/store';
import type { EngineEvent, StartNodeCommand } from '../src/shared/engine/protocol';
import type { Logger } from '../src/shared/logger';
import type { WorkflowDefinitionInput } from '../src/shared/workflow/definition';
import { chain, fan } from './shapes';
import { quantile } from './ui/stats';

/**
 * The Engine hop (issue 20, goal 2), each figure beside what it is compared with, in one run:
 * 1. `deduction run` of a chain of zero-duration sim agents as a whole process (the built
 *    bin, embedded Engine on its thread), alternating with bpmn-engine running the same chain
 *    in memory; with `--compare DIR`, the same command from another checkout's build too;
 * 2. satisfied→start through the Engine: on a chain run by the scheduler in this process
 *    through the embedded Engine on its own thread, from the console receiving a node's
 *    completion to the Engine acknowledging its successor's start (the successor's rows
 *    committed in between);
 * 3. a fan through the embedded Engine: agents per second from the first start sent to the
 *    last end received.
 * Options: --chain 2000  --fan 800  --hop-chain 500  --runs 3  --compare DIR  --dir /dev/shm
 */
const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BPMN_RUNNER = fileURLToPath(new URL('./bpmn-run.js', import.meta.url));
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) };

interface Options {
  chain: number;
  fan: number;
  hopChain: number;
  runs: number;
  compare: string | null;
  dir: string;
}

export async function main(args: string[]): Promise<number> {
  const value = (name: string, fallback: string): string => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1]! : fallback;
  };
  const options: Options = {
    chain: Number(value('--chain', '2000')),
    fan: Number(value('--fan', '800')),
    hopChain: Number(value('--hop-chain', '500')),
    runs: Number(value('--runs', '3')),
    compare: args.includes('--compare') ? value('--compare', '') : null,
    dir: value('--dir', existsSync('/dev/shm') ? '/dev/shm' : tmpdir()),
  };
  const bin = join(ROOT, 'bin/deduction.mjs');
  if (!existsSync(join(ROOT, 'out/node/cli.js'))) throw new Error('out/node/cli.js is missing: run `npm run build:node` first');
  const dir = mkdtempSync(join(options.dir, 'deduction-hop-bench-'));
  try {
    console.log(`Engine hop benchmark (Node ${process.version}, load average ${loadAverage()})`);
    const file = join(dir, 'chain.json');
    writeFileSync(file, JSON.stringify(zeroDuration(chain(options.chain + 1))));
    const whole: number[] = [];
    const compared: number[] = [];
    const bpmn: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      whole.push(wholeRun(bin, file, dir, run));
      if (options.compare !== null) compared.push(wholeRun(join(options.compare, 'bin/deduction.mjs'), file, dir, run));
      bpmn.push(bpmnMs('chain', options.chain));
    }
    const wholeMs = quantile(whole, 0.5);
    const bpmnMedian = quantile(bpmn, 0.5);
    console.log(`chain ${options.chain}, \`deduction run\` whole process: ${list(whole)} ms (median ${fmt(wholeMs)})`);
    if (options.compare !== null) console.log(`  the same from ${options.compare}: ${list(compared)} ms (median ${fmt(quantile(compared, 0.5))})`);
    console.log(`  bpmn-engine in memory, same chain: ${list(bpmn)} ms (median ${fmt(bpmnMedian)})`);
    const ratios = whole.map((ms, run) => bpmn[run]! / ms);
    check(`whole process ≥ 3× bpmn-engine in memory`, quantile(ratios, 0.5) >= 3, `per run ${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')}`);

    const hop = await hopLatency(dir, options.hopChain);
    console.log(`chain ${options.hopChain} through the embedded Engine: ${fmt(hop.rate)} nodes/s, ${hop.samples} hops`);
    check('satisfied→start through the Engine p99 < 2 ms', hop.p99 < 2, `p50 ${hop.p50.toFixed(3)} ms, p99 ${hop.p99.toFixed(3)} ms`);

    const fanned = await fanRate(dir, options.fan);
    const bpmnFan = bpmnMs('fan', options.fan);
    const bpmnFanRate = options.fan / (bpmnFan / 1000);
    console.log(`fan ${options.fan} through the embedded Engine: ${fanned.agents} agents in ${fanned.ms.toFixed(1)} ms`);
    console.log(`  bpmn-engine in memory, fan ${options.fan}: ${fmt(bpmnFanRate)} tasks/s`);
    check('fan ≥ 10,000 nodes/s through the Engine', fanned.rate >= 10_000, `${fmt(fanned.rate)} nodes/s, ${(fanned.rate / bpmnFanRate).toFixed(1)}× bpmn-engine`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function zeroDuration(definition: WorkflowDefinitionInput): WorkflowDefinitionInput {
  return { ...definition, nodes: definition.nodes.map((node) => (node.nodeType === 'agent' ? { ...node, agentConfig: { durationMs: 0 } } : node)) };
}

/** Wall time of one `deduction run --json` of the file, from spawn to exit. */
function wholeRun(bin: string, file: string, dir: string, run: number): number {
  const db = join(dir, `whole-${run}-${Math.random().toString(36).slice(2)}.sqlite`);
  const started = performance.now();
  const child = spawnSync(process.execPath, [bin, 'run', file, '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`deduction run exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  const status = (JSON.parse(child.stdout) as { task: { status: string } }).task.status;
  if (status !== 'completed') throw new Error(`deduction run ended its task ${status}`);
  return ms;
}

function bpmnMs(shape: 'chain' | 'fan', tasks: number): number {
  const child = spawnSync(process.execPath, ['--stack-size=65500', BPMN_RUNNER, shape, String(tasks)], { encoding: 'utf8', timeout: 600_000 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`bpmn-engine ${shape} ${tasks} failed (exit ${child.status}): ${child.stderr.slice(0, 500)}`);
  return (JSON.parse(line) as { ms: number }).ms;
}

interface Probe {
  scheduler: Scheduler;
  taskId: string;
  /** Resolves when the task ends. */
  ended: Promise<string>;
  close(): Promise<void>;
}

/**
 * The scheduler with the embedded Engine on its own thread (engine-thread.js is built beside
 * this file), `watch` hearing every event batch before the scheduler does, and `sent` wrapping
 * each start the scheduler sends.
 */
async function probe(dir: string, name: string, definition: WorkflowDefinitionInput, watch: (events: EngineEvent[]) => void, sent: (command: StartNodeCommand, acked: Promise<void>) => void): Promise<Probe> {
  const store = await openStore({ file: join(dir, name), migrationsDir: MIGRATIONS });
  const embedded = await startEmbeddedEngine({ store, catalogDir: null, capacity: 10_000, logger: quiet, threadEntry: fileURLToPath(new URL('./engine-thread.js', import.meta.url)) });
  if (!embedded.engine.threaded) throw new Error('the embedded Engine did not start on its thread');
  const client = embedded.client;
  client.onEvents(watch);
  const startNode = client.startNode.bind(client);
  client.startNode = (command) => {
    const acked = startNode(command);
    sent(command, acked);
    return acked;
  };
  client.onEvents(createEventIngest(store, quiet));
  const scheduler = new Scheduler({ store, engine: client, logger: quiet });
  const { task_id: taskId } = scheduler.createTask(definition);
  const ended = new Promise<string>((resolve) => {
    scheduler.onChange((changes) => {
      for (const change of changes) if (change.taskId === taskId && change.task && ['completed', 'failed', 'stopped'].includes(change.task.status)) resolve(change.task.status);
    });
  });
  return {
    scheduler,
    taskId,
    ended,
    close: async () => {
      scheduler.close();
      await embedded.close();
      store.close();
    },
  };
}

async function hopLatency(dir: string, size: number): Promise<{ p50: number; p99: number; samples: number; rate: number }> {
  const completedAt = new Map<string, number>();
  const hops: number[] = [];
  let first = 0;
  let last = 0;
  const run = await probe(
    dir,
    'hop.sqlite',
    zeroDuration(chain(size + 1)),
    (events) => {
      const now = performance.now();
      for (const event of events) if (event.type === 'node.status' && event.status === 'completed') completedAt.set(event.nodeId, (last = now));
    },
    (command, acked) => {
      if (first === 0) first = performance.now();
      const index = Number(command.nodeId.slice(1));
      const satisfied = completedAt.get(`n${index - 1}`);
      if (satisfied !== undefined) void acked.then(() => hops.push(performance.now() - satisfied));
    },
  );
  try {
    await run.scheduler.startTask(run.taskId);
    const status = await run.ended;
    if (status !== 'completed') throw new Error(`the chain ended ${status}`);
    return { p50: quantile(hops, 0.5), p99: quantile(hops, 0.99), samples: hops.length, rate: size / ((last - first) / 1000) };
  } finally {
    await run.close();
  }
}

async function fanRate(dir: string, size: number): Promise<{ rate: number; ms: number; agents: number }> {
  let first = 0;
  let last = 0;
  let ended = 0;
  const run = await probe(
    dir,
    'fan.sqlite',
    zeroDuration(fan(size)),
    (events) => {
      for (const event of events) {
        if (event.type !== 'node.status' || event.status === 'running') continue;
        ended++;
        last = performance.now();
      }
    },
    () => {
      if (first === 0) first = performance.now();
    },
  );
  try {
    await run.scheduler.startTask(run.taskId);
    const status = await run.ended;
    if (status !== 'completed') throw new Error(`the fan ended ${status}`);
    const ms = last - first;
    return { rate: ended / (ms / 1000), ms, agents: ended };
  } finally {
    await run.close();
  }
}

function check(label: string, ok: boolean, detail: string): void {
  console.log(`${ok ? 'MET    ' : 'NOT MET'} ${label}: ${detail}`);
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en');
}

function list(values: number[]): string {
  return values.map(fmt).join(', ');
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}
