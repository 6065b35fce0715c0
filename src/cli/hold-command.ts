import type { Command } from 'commander';
import { errorText } from '../shared/error-text';
import { describeCommand } from './commands';
import type { CommandRegistrar } from './index';
import { CliInputError } from './input-error';

interface HostOptions {
  url: string;
  token?: string;
}

/**
 * `deduction hold` and `deduction release`: an operator's hold of a node, sent (as `trigger
 * fire` is) to the running headless host whose scheduler drives the task and talks to its
 * Engines; a database alone cannot pause an agent.
 */
export const registerHold: CommandRegistrar = (program: Command, io, exit) => {
  const control = async (options: HostOptions, taskId: string, nodeId: string, action: 'hold' | 'release', body: object): Promise<void> => {
    const token = options.token ?? process.env.DEDUCTION_TOKEN;
    if (!token) throw new CliInputError('an operator token is needed: give --token or set DEDUCTION_TOKEN');
    const path = `/api/v1/deduction/task/${encodeURIComponent(taskId)}/node/${encodeURIComponent(nodeId)}/${action}`;
    let response: Response;
    try {
      response = await fetch(new URL(path, options.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new Error(`${options.url} could not be reached: ${errorText(error)}`, { cause: error });
    }
    const answer = (await response.json().catch(() => null)) as { message?: string; data?: { status?: string } } | null;
    if (!response.ok || !answer?.data) throw new Error(`the host refused (${response.status}): ${answer?.message ?? response.statusText}`);
    io.out(`${action === 'hold' ? 'held' : 'released'} node ${nodeId} of task ${taskId}: it is ${answer.data.status ?? 'unknown'}`);
    exit(0);
  };
  const hostOptions = (command: Command): Command =>
    command
      .requiredOption('--url <url>', 'the headless host running the task, e.g. http://127.0.0.1:8787')
      .option('--token <token>', 'an operator token of the host (default: $DEDUCTION_TOKEN)');

  hostOptions(program.command('hold').description(describeCommand('hold')).argument('<task>', 'the task id').argument('<node>', 'the node id'))
    .option('--reason <text>', 'why, recorded with the hold')
    .action(async (taskId: string, nodeId: string, options: HostOptions & { reason?: string }) =>
      control(options, taskId, nodeId, 'hold', options.reason === undefined ? {} : { reason: options.reason }),
    );

  hostOptions(program.command('release').description(describeCommand('release')).argument('<task>', 'the task id').argument('<node>', 'the node id')).action(
    async (taskId: string, nodeId: string, options: HostOptions) => control(options, taskId, nodeId, 'release', {}),
  );
};
