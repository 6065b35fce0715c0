import { z } from 'zod';
import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import { describeIssue, type AgentOutcome, type AgentRun, type JsonValue } from './types';
import type { AgentMessage } from './agent-inbox';

const MIB = 1024 * 1024;

export const simConfigSchema = z.object({
  durationMs: z.number().int().min(0).max(7 * 24 * 3600_000).default(1000),
  steps: z.number().int().min(1).max(10_000).default(4),
  outcome: z.enum(['completed', 'failed']).default('completed'),
  result: z.json().optional(),
  /** Fail the first this-many attempts (batches 1…failTimes), then succeed. */
  failTimes: z.number().int().min(0).max(1000).default(0),
  logLinesPerSecond: z.number().min(0).max(1_000_000).default(0),
  cpuPercent: z.number().min(0).max(100_000).default(0),
  memoryMb: z.number().min(0).max(10_000_000).default(0),
});
export type SimConfig = z.infer<typeof simConfigSchema>;

/** The longest pause between two ticks; every due step, line and sample is emitted at a tick. */
const MAX_TICK_MS = 100;

/**
 * A deterministic agent: what it emits and how it ends depend only on its config and the
 * attempt (batch) number, never on the clock or chance. It simulates `durationMs` of work, in
 * its task's simulation time, in `steps` progress steps, writes `logLinesPerSecond` log lines
 * spread over the duration and reports the configured CPU and memory as resource samples.
 */
export async function runSim(run: AgentRun): Promise<AgentOutcome> {
  const parsed = simConfigSchema.safeParse(run.config);
  if (!parsed.success) {
    return { status: 'failed', errorCode: NODE_ERROR_CODES.invalidConfig, errorMessage: `sim config ${describeIssue(parsed.error.issues)}` };
  }
  const config = parsed.data;
  const attempt = Math.max(1, run.ref.batch);
  const name = run.manifest.name;
  const totalLines = Math.floor((config.durationMs / 1000) * config.logLinesPerSecond);
  const sampling = config.cpuPercent > 0 || config.memoryMb > 0;
  const timeline = { steps: 0, lines: 0, samples: 0 };
  const messages = receiveMessages(run, name);

  /** Emits everything due at simulated time `t` (ms since the start). */
  const advance = (t: number): void => {
    const fraction = config.durationMs === 0 ? 1 : Math.min(1, t / config.durationMs);
    const lines = Math.floor(fraction * totalLines);
    for (; timeline.lines < lines; timeline.lines++) {
      run.emit.log('info', 'stdout', `${name}: log line ${timeline.lines + 1} of ${totalLines}`);
    }
    const steps = Math.floor(fraction * config.steps);
    for (; timeline.steps < steps; timeline.steps++) {
      const step = timeline.steps + 1;
      if (config.durationMs > 0) run.emit.progress(step / config.steps, `step ${step} of ${config.steps}`);
    }
    if (sampling) {
      const samples = Math.floor(t / run.sampleIntervalMs) + 1;
      for (; timeline.samples < samples; timeline.samples++) run.emit.sample(config.cpuPercent, Math.round(config.memoryMb * MIB));
    }
  };

  // Durations are simulation time: the agent reads its task's clock at every tick, so a faster
  // rate ends it sooner in real time, a paused clock holds it, and a step moves it on.
  const tickMs = Math.max(1, Math.min(MAX_TICK_MS, Math.ceil(config.durationMs / config.steps)));
  const startedAt = run.clock.now();
  let t = 0;
  // Held, its simulated time stands still until released.
  run.pause.accept();
  advance(0);
  while (t < config.durationMs) {
    await run.pause.whilePaused(run.signal);
    if (run.signal.aborted) return { status: 'failed' };
    await run.clock.wait(Math.min(tickMs, config.durationMs - t), run.signal);
    if (run.signal.aborted) return { status: 'failed' };
    t = Math.min(config.durationMs, run.clock.now() - startedAt);
    advance(t);
  }
  advance(config.durationMs);

  if (config.outcome === 'failed' || attempt <= config.failTimes) {
    const why =
      config.outcome === 'failed' ? 'the configured outcome is failed' : `attempt ${attempt} of the first ${config.failTimes} set to fail`;
    run.emit.log('error', 'system', `${name}: simulated failure (${why})`);
    return { status: 'failed', errorCode: NODE_ERROR_CODES.simulated, errorMessage: `simulated failure: ${why}` };
  }
  const result: JsonValue = (config.result as JsonValue | undefined) ?? { agent: run.manifest.agentLoad, attempt, steps: config.steps };
  return { status: 'completed', result: withMessages(result, messages) };
}

/** The sim agent handles messages (an inject's): each is logged, and all are listed in its result as `messages`. */
function receiveMessages(run: AgentRun, name: string): AgentMessage[] {
  const received: AgentMessage[] = [];
  run.inbox?.listen((message) => {
    received.push(message);
    run.emit.log('info', 'system', `${name}: message${message.from === undefined ? '' : ` from ${message.from}`}: ${JSON.stringify(message.message)}`);
  });
  return received;
}

function withMessages(result: JsonValue, messages: AgentMessage[]): JsonValue {
  if (messages.length === 0) return result;
  const list = messages.map((message) => ({ message: message.message, ...(message.from === undefined ? {} : { from: message.from }), time: message.time }));
  return typeof result === 'object' && result !== null && !Array.isArray(result) ? { ...result, messages: list } : { value: result, messages: list };
}
