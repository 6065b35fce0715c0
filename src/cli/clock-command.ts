import { InvalidArgumentError, Option, type Command } from 'commander';
import { clockAnswer } from '../shared/api/rest/clock-answer';
import type { ClockChange } from '../shared/clock/clock-model';
import { formatRate, formatTaskTime } from '../shared/clock/format-task-time';
import { errorText } from '../shared/error-text';
import { readTaskClock } from '../main/core/clock/task-clock';
import { describeCommand } from './commands';
import { dbOption } from './db-option';
import type { CommandRegistrar } from './index';
import { CliInputError } from './input-error';
import type { CliIo } from './io';
import { withMaintenanceStore } from './maintenance-store';

type ClockAnswer = ReturnType<typeof clockAnswer>;
interface Reading {
  sim_ms: number;
  rate: number;
  paused: boolean;
}
interface ClockOptions {
  db: string;
  url?: string;
  token?: string;
  pause?: boolean;
  resume?: boolean;
  rate?: number;
  step?: number;
  json?: boolean;
}

const state = (reading: Reading): string => `${formatTaskTime(reading.sim_ms)} ${formatRate(reading.rate)}${reading.paused ? ' paused' : ''}`;

/** The clock as lines: its state now, then each change with who made it. */
export function clockLines(clock: ClockAnswer): string[] {
  const head = `task ${clock.task_id}  ${formatTaskTime(clock.sim_ms)}  ${formatRate(clock.rate)}  ${clock.paused ? 'paused' : 'running'}  time base ${clock.time_base}`;
  const changes = clock.changes.map(
    (change) => `  ${change.at}  ${change.action}${change.step_ms === undefined ? '' : ` ${change.step_ms} ms`}  ${state(change.old)} → ${state(change.new)}  by ${change.operator ?? '—'}`,
  );
  return [head, ...changes];
}

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('expected a positive number');
  return value;
}

function changeOf(options: ClockOptions): ClockChange | undefined {
  const given: ClockChange[] = [];
  if (options.pause) given.push({ action: 'pause' });
  if (options.resume) given.push({ action: 'resume' });
  if (options.rate !== undefined) given.push({ action: 'rate', rate: options.rate });
  if (options.step !== undefined) given.push({ action: 'step', ms: options.step });
  if (given.length > 1) throw new CliInputError('give one clock change at a time: --pause, --resume, --rate or --step');
  return given[0];
}

async function viaHost(url: string, token: string | undefined, taskId: string, change: ClockChange | undefined): Promise<{ clock: ClockAnswer; notHonouring: Array<{ node_id: string; agent_load: string; kind: string }> }> {
  const key = token ?? process.env.DEDUCTION_TOKEN;
  if (!key) throw new CliInputError('a host token is needed: give --token or set DEDUCTION_TOKEN');
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1/deduction/task/${encodeURIComponent(taskId)}/clock`, url), {
      method: change ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${key}`, ...(change ? { 'Content-Type': 'application/json' } : {}) },
      ...(change ? { body: JSON.stringify(change) } : {}),
    });
  } catch (error) {
    throw new Error(`${url} could not be reached: ${errorText(error)}`, { cause: error });
  }
  const answer = (await response.json().catch(() => null)) as { message?: string; data?: unknown } | null;
  if (!response.ok || !answer?.data) throw new CliInputError(`the host refused (${response.status}): ${answer?.message ?? response.statusText}`);
  if (!change) return { clock: answer.data as ClockAnswer, notHonouring: [] };
  const data = answer.data as { clock: ClockAnswer; not_honouring: Array<{ node_id: string; agent_load: string; kind: string }> };
  return { clock: data.clock, notHonouring: data.not_honouring };
}

function print(io: CliIo, json: boolean | undefined, clock: ClockAnswer, notHonouring: Array<{ node_id: string; agent_load: string; kind: string }>): void {
  if (json) return io.out(JSON.stringify({ clock, not_honouring: notHonouring }, null, 2));
  const lines = clockLines(clock);
  if (notHonouring.length > 0) lines.push(`keep real time: ${notHonouring.map((agent) => `${agent.node_id} (${agent.agent_load}, ${agent.kind})`).join(', ')}`);
  io.out(lines.join('\n'));
}

export const registerClock: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('clock')
    .description(describeCommand('clock'))
    .argument('<task>', "the task's id")
    .option('--pause', 'pause the clock: sim agents stop progressing')
    .option('--resume', 'resume a paused clock')
    .addOption(new Option('--rate <x>', 'run at this multiple of real time, ×0.25 to ×64').argParser(positiveNumber))
    .addOption(new Option('--step <ms>', 'advance a paused clock by this much simulation time (ms)').argParser((text) => Math.round(positiveNumber(text))))
    .option('--url <url>', 'a running `deduction serve` (needed for a change: the Engines of the task must hear of it)')
    .option('--token <token>', 'a token of the host; an operator token for a change (default: $DEDUCTION_TOKEN)')
    .option('--json', 'print the clock as JSON')
    .addOption(dbOption())
    .action(async (taskId: string, options: ClockOptions) => {
      const change = changeOf(options);
      if (options.url !== undefined) {
        const { clock, notHonouring } = await viaHost(options.url, options.token, taskId, change);
        print(io, options.json, clock, notHonouring);
        return exit(0);
      }
      if (change) throw new CliInputError('a clock change must reach the console that runs the task and its Engines: give --url of its `deduction serve`');
      await withMaintenanceStore(options.db, io, exit, (store) => {
        print(io, options.json, clockAnswer(readTaskClock(store, taskId, Date.now())), []);
        exit(0);
      });
    });
};
