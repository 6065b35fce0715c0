import { isManualAgent } from '../shared/engine/agent-kind';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { EngineEndpoint } from '../shared/engine/endpoints';
import type { Logger } from '../shared/logger';
import { TERMINAL_TASK_STATUSES } from '../shared/status';
import type { TaskChange } from '../shared/task/changes';
import { requireShippedDir } from '../main/core/paths';
import { findEnvironment } from '../main/core/environments/environments';
import { findScheme } from '../main/core/environments/schemes';
import { startConsoleRuntime } from '../main/core/runtime';
import type { Store } from '../main/core/store/store';
import { readWorkflowFile } from '../main/core/workflow/json-file';
import pkg from '../../package.json' with { type: 'json' };
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import type { CliIo } from './io';
import { dbOption } from './db-option';
import { CliInputError } from './input-error';
import { ApiError } from '../shared/api/errors';
import { engineLossLimitOption, engineWaitOption, engineWaitRuntimeOptions, type EngineWaitFlags } from './engine-options';
import { isUnreadable, problemLines, reportUnreadable } from './problem-report';
import { runReport } from './run-report';
import { shippedCatalog } from './shipped-catalog';
import { RunView } from './run-view';
import { errorText } from '../shared/error-text';

/** Exit codes of `deduction run`: the task completed, it failed or was stopped, or the input was invalid. */
export const RUN_EXIT = { completed: 0, failed: 1, invalid: 2 } as const;

interface RunOptions extends EngineWaitFlags {
  engine?: string[];
  engineToken?: string;
  db: string;
  json?: boolean;
  approve?: boolean;
  var?: string[];
  name?: string;
  env?: string;
  scheme?: string;
  deadline?: string;
}

/** `key=value`; the value is JSON when it parses as JSON, else the text itself. */
export function parseVariables(pairs: readonly string[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--var ${JSON.stringify(pair)}: expected key=value`);
    const text = pair.slice(at + 1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    Object.defineProperty(variables, pair.slice(0, at), { value, enumerable: true, writable: true, configurable: true });
  }
  return variables;
}

function stderrLogger(io: CliIo): Logger {
  return { debug: () => undefined, info: () => undefined, warn: (message) => io.err(`warning: ${message}`), error: (message) => io.err(`error: ${message}`) };
}

function operatorName(): string {
  try {
    return userInfo().username || 'deduction run';
  } catch {
    return 'deduction run';
  }
}

export const registerRun: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('run')
    .description(describeCommand('run'))
    .argument('<file>', 'the workflow file')
    .option('--engine <url...>', 'an Engine to run on (repeatable); without it, an embedded Engine on loopback')
    .option('--engine-token <token>', 'the token of the Engines given with --engine (default: $DEDUCTION_ENGINE_TOKEN); visible to other users in the process list')
    .addOption(engineWaitOption())
    .addOption(engineLossLimitOption())
    .addOption(dbOption())
    .option('--json', 'print one final JSON report instead of the live tree')
    .option('--approve', 'approve every manual node as it waits (unattended runs)')
    .option('--var <key=value...>', 'set a task variable (repeatable; JSON values allowed)')
    .option('--name <name>', 'the task name (default: the workflow name)')
    .option('--env <env>', "run on an environment's Engines, by its strategy (its id or name; see deduction env)")
    .option('--scheme <scheme>', 'make the task in a scheme (its id or name; see deduction scheme)')
    .option('--deadline <time>', 'when the task should have ended by: an ISO time with its offset (2026-12-08T09:30:00+08:00) or epoch ms; a forecast past it raises an alert')
    .action(async (file: string, options: RunOptions) => {
      // On the embedded Engine the shipped catalog is the one the nodes will run with, so their
      // configs are checked now; Engines given with --engine or --env check against their own catalog.
      const read = await readWorkflowFile(file, options.engine || options.env ? {} : { agents: shippedCatalog(io) });
      if (!read.definition) {
        exit(RUN_EXIT.invalid);
        if (isUnreadable(read)) return reportUnreadable(io, read);
        for (const line of problemLines(read.problems)) io.err(line);
        io.err(`deduction: ${file} is not a valid workflow; nothing was run`);
        return;
      }
      let variables: Record<string, unknown>;
      try {
        variables = parseVariables(options.var ?? []);
      } catch (error) {
        exit(RUN_EXIT.invalid);
        io.err(`deduction: ${errorText(error)}`);
        return;
      }
      const engineToken = options.engineToken ?? (process.env['DEDUCTION_ENGINE_TOKEN'] || undefined);
      if (options.engine && !engineToken) {
        exit(RUN_EXIT.invalid);
        io.err('deduction: --engine needs --engine-token or $DEDUCTION_ENGINE_TOKEN');
        return;
      }
      if (options.engineToken !== undefined) io.err('warning: a token given on the command line is visible to every user of this machine (ps); use DEDUCTION_ENGINE_TOKEN');
      const engines: EngineEndpoint[] | undefined = options.engine?.map((url) => ({ url, token: engineToken!, weight: 1 }));
      const runtime = await startConsoleRuntime({
        dbFile: options.db,
        migrationsDir: requireShippedDir('migrations'),
        appName: 'Deduction Console',
        version: pkg.version,
        recover: false,
        processLabel: `deduction run ${file}`,
        logger: stderrLogger(io),
        ...engineWaitRuntimeOptions(options, io),
        ...(engines ? { engines } : {}),
      });
      try {
        exit(await runToEnd(runtime, read.definition, { ...options, variables }, io));
      } finally {
        await runtime.close();
      }
    });
};

/** The environment and scheme given by id or name; one that does not exist is bad input. */
function taskPlace(store: Store, options: Pick<RunOptions, 'env' | 'scheme'>): { envInstanceId?: string; schemeId?: string } {
  try {
    return {
      ...(options.env === undefined ? {} : { envInstanceId: findEnvironment(store, options.env).id }),
      ...(options.scheme === undefined ? {} : { schemeId: findScheme(store, options.scheme).id }),
    };
  } catch (error) {
    throw new CliInputError(errorText(error), { cause: error });
  }
}

async function runToEnd(
  runtime: Awaited<ReturnType<typeof startConsoleRuntime>>,
  definition: NonNullable<Awaited<ReturnType<typeof readWorkflowFile>>['definition']>,
  options: RunOptions & { variables: Record<string, unknown> },
  io: CliIo,
): Promise<number> {
  const api = runtime.apiFor(operatorName(), 'operator', { local: true });
  const created = await api
    .createTask(definition, {
      ...(options.name ? { name: options.name } : {}),
      ...taskPlace(runtime.store, options),
      // Digits alone are epoch ms; anything else goes as an ISO time, which createTask checks.
      ...(options.deadline === undefined ? {} : { deadline: /^\d+$/.test(options.deadline) ? Number(options.deadline) : options.deadline }),
      variables: options.variables as Record<string, never>,
    })
    .catch((error: unknown) => {
      // A variable the workflow declares, missing or of the wrong type, is bad input like a bad --var.
      if (error instanceof ApiError && error.code === 'INVALID_ARGUMENT') throw new CliInputError(errorText(error), { cause: error });
      throw error;
    });
  const taskId = created.task_id;
  const nodes = await api.queryNodes(taskId);
  const manual = new Set(nodes.filter((node) => isManualAgent(node.agentLoad)).map((node) => node.nodeId));
  const live = io.isTTY && !options.json;
  const view = new RunView(nodes, (text) => (options.json ? undefined : io.out(text)), live);
  if (!options.json) io.out(`task ${taskId}: ${definition.name} (${nodes.length} nodes)`);

  const ended = new Promise<void>((resolve) => {
    const approved = new Set<string>();
    const off = runtime.events.subscribe('taskChanged', (changes: TaskChange[]) => {
      for (const change of changes) {
        if (change.taskId !== taskId) continue;
        view.apply(change.task, change.nodes);
        for (const node of change.nodes) {
          const key = `${node.nodeId}#${node.batch}`;
          if (options.approve && manual.has(node.nodeId) && node.status === 'running' && !approved.has(key)) {
            approved.add(key);
            api.decideManual(taskId, node.nodeId, { approved: true, comment: 'approved by deduction run --approve' }).catch((error: unknown) => {
              io.err(`deduction: could not approve ${node.nodeId}: ${errorText(error)}`);
            });
          }
        }
        if (change.task && TERMINAL_TASK_STATUSES.includes(change.task.status)) {
          off();
          resolve();
        }
      }
    });
  });
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts > 1) process.exit(RUN_EXIT.failed);
    io.err('deduction: stopping the task (Ctrl+C again to quit at once)');
    api.stopTask(taskId, 'interrupted from the terminal').catch((error: unknown) => io.err(`deduction: ${errorText(error)}`));
  };
  process.on('SIGINT', onInterrupt);
  const redraw = live ? setInterval(() => view.draw(), 200) : undefined;
  try {
    await api.startTask(taskId);
    await ended;
  } finally {
    process.off('SIGINT', onInterrupt);
    if (redraw) clearInterval(redraw);
  }
  view.draw();
  const task = await api.getTask(taskId);
  if (options.json) {
    io.out(JSON.stringify(runReport(task, await api.queryNodes(taskId), await api.listExecutions(taskId)), null, 2));
  } else {
    io.out(view.summary());
    io.out(`task ${taskId} ${task.status} in ${((task.endTime ?? Date.now()) - (task.startTime ?? task.createdAt)) / 1000} s`);
  }
  return task.status === 'completed' ? RUN_EXIT.completed : RUN_EXIT.failed;
}
