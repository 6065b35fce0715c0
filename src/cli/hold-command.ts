import type { Command } from 'commander';
import { describeCommand } from './commands';
import type { CommandRegistrar } from './index';
import { hostOptions, nodePath, postToHost, type HostOptions } from './host-call';

/**
 * `deduction hold` and `deduction release`: an operator's hold of a node, sent to the running
 * headless host whose scheduler drives the task and talks to its Engines; a database alone
 * cannot pause an agent.
 */
export const registerHold: CommandRegistrar = (program: Command, io, exit) => {
  const control = async (options: HostOptions, taskId: string, nodeId: string, action: 'hold' | 'release', body: object): Promise<void> => {
    const node = (await postToHost(options, `${nodePath(taskId, nodeId)}/${action}`, body)) as { status?: string } | null;
    io.out(`${action === 'hold' ? 'held' : 'released'} node ${nodeId} of task ${taskId}: it is ${node?.status ?? 'unknown'}`);
    exit(0);
  };
  const withHost = (command: Command): Command => hostOptions().reduce((built, option) => built.addOption(option), command);

  withHost(program.command('hold').description(describeCommand('hold')).argument('<task>', 'the task id').argument('<node>', 'the node id'))
    .option('--reason <text>', 'why, recorded with the hold')
    .action(async (taskId: string, nodeId: string, options: HostOptions & { reason?: string }) =>
      control(options, taskId, nodeId, 'hold', options.reason === undefined ? {} : { reason: options.reason }),
    );

  withHost(program.command('release').description(describeCommand('release')).argument('<task>', 'the task id').argument('<node>', 'the node id')).action(
    async (taskId: string, nodeId: string, options: HostOptions) => control(options, taskId, nodeId, 'release', {}),
  );
};
