import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { hostOptions, nodePath, postToHost, taskPath, type HostOptions } from './host-call';
import { CliInputError } from './input-error';
import { errorText } from '../shared/error-text';
import type { AddNodesResult, RemoveNodeResult, VariableChange } from '../shared/task/live-changes';

/**
 * Changing a running deduction from the command line (`deduction vars | add-nodes |
 * remove-node | rerun`): each goes to the headless host that drives the task, as an operator,
 * so the change is the scheduler's own (checked, audited, seen by the window at once).
 */
export const registerLive: CommandRegistrar = (program: Command, io, exit) => {
  withHost(program.command('vars').description(describeCommand('vars')))
    .argument('<task>', 'the task id')
    .argument('<name=value...>', 'variables to set (a value is read as JSON where it is JSON, else as text)')
    .option('--reason <text>', 'why, recorded with the change')
    .action(async (taskId: string, pairs: string[], options: HostOptions & { reason?: string }) => {
      const variables = Object.fromEntries(pairs.map(parsePair));
      const answer = (await postToHost(options, `${taskPath(taskId)}/variables`, { variables, ...(options.reason !== undefined && { reason: options.reason }) })) as { changes: VariableChange[] };
      io.out(answer.changes.length === 0 ? 'no variable changed: each already had that value' : answer.changes.map(describeChange).join('\n'));
      exit(0);
    });

  withHost(program.command('add-nodes').description(describeCommand('add-nodes')))
    .argument('<task>', 'the task id')
    .argument('<file>', 'a JSON file: an array of nodes as the workflow definition writes them, or {"parentId", "nodes", "allowEndedSources"}')
    .option('--parent <node>', 'the container they go under (default: the root)')
    .option('--allow-ended-sources', 'let them depend on nodes that have already ended')
    .action(async (taskId: string, file: string, options: HostOptions & { parent?: string; allowEndedSources?: boolean }) => {
      const given = await readAddition(file);
      const parentId = options.parent ?? given.parentId;
      const body = { nodes: given.nodes, ...(parentId !== undefined && { parent_id: parentId }), ...((options.allowEndedSources ?? given.allowEndedSources) && { allow_ended_sources: true }) };
      const answer = (await postToHost(options, `${taskPath(taskId)}/nodes/add`, body)) as AddNodesResult;
      io.out(`added ${answer.added.length} node(s): ${answer.added.join(', ')}`);
      exit(0);
    });

  withHost(program.command('remove-node').description(describeCommand('remove-node')))
    .argument('<task>', 'the task id')
    .argument('<node>', 'the node id')
    .action(async (taskId: string, nodeId: string, options: HostOptions) => {
      const answer = (await postToHost(options, `${nodePath(taskId, nodeId)}/remove`, {})) as RemoveNodeResult;
      io.out(`removed ${answer.removed.length} node(s): ${answer.removed.join(', ')}`);
      exit(0);
    });

  withHost(program.command('rerun').description(describeCommand('rerun')))
    .argument('<task>', 'the task id')
    .argument('<node>', 'the node id')
    .option('--config <file>', "a JSON file with the node's new config (agentConfig, or containerConfig for a container)")
    .action(async (taskId: string, nodeId: string, options: HostOptions & { config?: string }) => {
      const config = options.config === undefined ? undefined : await readJsonObject(options.config, 'the config');
      const answer = (await postToHost(options, `${nodePath(taskId, nodeId)}/rerun-with-config`, config === undefined ? {} : { config })) as { nodes_reset: number; config_changed: boolean };
      io.out(`rerunning ${answer.nodes_reset} node(s) from ${nodeId}${answer.config_changed ? ', with its edited config' : ''}`);
      exit(0);
    });
};

function withHost(command: Command): Command {
  for (const option of hostOptions()) command.addOption(option);
  return command;
}

function parsePair(text: string): [string, unknown] {
  const at = text.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`${JSON.stringify(text)} is not name=value`);
  const value = text.slice(at + 1);
  try {
    return [text.slice(0, at), JSON.parse(value) as unknown];
  } catch {
    return [text.slice(0, at), value];
  }
}

function describeChange(change: VariableChange): string {
  return `${change.name}: ${'before' in change ? JSON.stringify(change.before) : '(unset)'} -> ${JSON.stringify(change.after)}`;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliInputError(`${file} is not JSON: ${errorText(error)}`, { cause: error });
  }
}

async function readJsonObject(file: string, what: string): Promise<Record<string, unknown>> {
  const value = await readJson(file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliInputError(`${file}: ${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

async function readAddition(file: string): Promise<{ nodes: unknown[]; parentId?: string; allowEndedSources?: boolean }> {
  const value = await readJson(file);
  if (Array.isArray(value)) return { nodes: value };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { nodes?: unknown }).nodes)) return value as { nodes: unknown[] };
  throw new CliInputError(`${file}: expected an array of nodes, or an object with a "nodes" array`);
}
