import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import { WHOLE_CONFIG_PLACEHOLDER } from '../manifest';
import { checkWorkflowEnv, inheritedEnv } from './env-filter';
import { refuse, type PreparedLaunch } from './launch';
import { nodeRuntime } from './node-runtime';
import type { AgentRun, JsonObject } from './types';

/**
 * A process agent whose manifest gives the command line (the operator's own program). What
 * the node's config puts into it is an argument's value and nothing more.
 */
export function prepareManifestLaunch(run: AgentRun): PreparedLaunch {
  const command = run.manifest.command ?? [];
  const node = command.some((part) => part.includes('{node}')) ? nodeRuntime() : null;
  if (node && !node.ok) return refuse(NODE_ERROR_CODES.spawnFailed, node.message);
  const envProblem = checkWorkflowEnv(run.env, 'the container env');
  if (envProblem) return refuse(NODE_ERROR_CODES.envRefused, envProblem);
  const expanded = expandCommand(command, run.config, run.catalogDir, node?.file ?? process.execPath);
  if (!expanded.ok) return refuse(NODE_ERROR_CODES.invalidConfig, expanded.message);
  const [file, ...args] = expanded.argv;
  if (!file) return refuse(NODE_ERROR_CODES.spawnFailed, 'empty command');
  return {
    ok: true,
    launch: {
      file,
      args,
      cwd: run.cwd ?? run.catalogDir ?? process.cwd(),
      env: { ...inheritedEnv(), ...run.manifest.env, ...run.env, ...processIdentity(run), ...node?.env },
      label: file,
    },
  };
}

/** The variables that tell an agent process which node and attempt it is. */
export function processIdentity(run: AgentRun): Record<string, string> {
  return { DEDUCTION_TASK_ID: run.ref.taskId, DEDUCTION_NODE_ID: run.ref.nodeId, DEDUCTION_BATCH: String(run.ref.batch) };
}

/**
 * Fills the command's placeholders: `{config.NAME}` (a whole argument) with a string or
 * number of the config, `{catalog}` and `{node}` (the executable nodeRuntime chose). A missing
 * config value leaves an empty argument. A value starting with "-" is refused: the program
 * would read it as one of its options (node's --eval, for one).
 */
export function expandCommand(
  command: readonly string[],
  config: JsonObject,
  catalogDir: string | null,
  node: string,
): { ok: true; argv: string[] } | { ok: false; message: string } {
  const argv: string[] = [];
  for (const part of command) {
    const name = WHOLE_CONFIG_PLACEHOLDER.exec(part)?.[1];
    if (name === undefined) {
      argv.push(part.replace(/\{catalog\}/g, catalogDir ?? '.').replace(/\{node\}/g, node));
      continue;
    }
    const value = config[name];
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (text.startsWith('-')) {
      return { ok: false, message: `config.${name} is "${text.slice(0, 100)}": a value starting with "-" would be read as an option of ${command[0]}, so it is refused` };
    }
    argv.push(text);
  }
  return { ok: true, argv };
}
