import { InvalidArgumentError, Option } from 'commander';
import type { ConsoleRuntimeOptions } from '../main/core/runtime';
import { DEFAULT_ENGINE_WAIT_MS } from '../main/core/runtime';
import type { CliIo } from './io';

export interface EngineWaitFlags {
  engineWait: number;
  engineLossLimit?: number;
}

function seconds(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 3600) throw new InvalidArgumentError('expected a number of seconds from 0 to 3600');
  return value;
}

function count(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 1000) throw new InvalidArgumentError('expected a whole number from 0 to 1000');
  return value;
}

/** `--engine-wait`, shared by the commands that run tasks on remote Engines. */
export function engineWaitOption(): Option {
  return new Option('--engine-wait <seconds>', 'how long to wait for remote Engines to connect before running (0: do not wait)')
    .argParser(seconds)
    .default(DEFAULT_ENGINE_WAIT_MS / 1000);
}

/** `--engine-loss-limit`, shared by the commands that run tasks on remote Engines. */
export function engineLossLimitOption(): Option {
  return new Option(
    '--engine-loss-limit <n>',
    'how many times a node may lose its Engine and be dispatched again, without spending its retries, before it fails with ENGINE_LOST (default 3)',
  ).argParser(count);
}

/** The runtime options those flags stand for; the wait's progress goes to stderr. */
export function engineWaitRuntimeOptions(flags: EngineWaitFlags, io: CliIo): Pick<ConsoleRuntimeOptions, 'engineWait' | 'engineLossLimit'> {
  return {
    engineWait: { timeoutMs: flags.engineWait * 1000, onProgress: (line) => io.err(line) },
    ...(flags.engineLossLimit === undefined ? {} : { engineLossLimit: flags.engineLossLimit }),
  };
}
