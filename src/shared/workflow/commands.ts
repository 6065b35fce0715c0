import type { AgentCatalogEntry } from '../engine/protocol';
import type { WorkflowDefinition, WorkflowNodeDefinition } from './definition';

/**
 * What one node would make an Engine do outside itself: a program, a line of shell, an inline
 * script, a catalog process agent whose command line the Engine's manifest fixes, or an HTTP call.
 * `docker` names the image a command runs in, when it runs in one.
 */
export type NodeAction =
  | { kind: 'program'; program: string; args: string[]; docker?: string; cwd?: string; env: Record<string, string> }
  | { kind: 'shell'; line: string; docker?: string; cwd?: string; env: Record<string, string> }
  | { kind: 'script'; interpreter: string; script: string; args: string[]; docker?: string; cwd?: string; env: Record<string, string> }
  | { kind: 'manifest'; agentLoad: string }
  | { kind: 'http'; method: string; url: string };

export interface NodeCommands {
  nodeId: string;
  name: string;
  agentLoad: string;
  actions: NodeAction[];
}

/** The catalog facts this needs; the whole entry fits. */
export type CommandCatalog = readonly Pick<AgentCatalogEntry, 'agentLoad' | 'kind' | 'defaults'>[];

/** The command agent runs an inline script with `sh` when the config names no interpreter. */
const DEFAULT_INTERPRETER = 'sh';

type Config = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)]));
}

/** What the command agent would run for this config; a config it would refuse still shows what it names. */
function commandAction(config: Config): NodeAction | undefined {
  const command = text(config.command);
  const script = text(config.script);
  if (command === undefined && script === undefined) return undefined;
  const image = typeof config.docker === 'object' && config.docker !== null ? text((config.docker as Config).image) : undefined;
  const common = { ...(image ? { docker: image } : {}), ...(text(config.cwd) ? { cwd: text(config.cwd) } : {}), env: stringRecord(config.env) };
  const args = Array.isArray(config.args) ? config.args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))) : [];
  if (script !== undefined) return { kind: 'script', interpreter: text(config.interpreter) ?? DEFAULT_INTERPRETER, script, args, ...common };
  if (config.shell === true) return { kind: 'shell', line: command!, ...common };
  return { kind: 'program', program: command!, args, ...common };
}

function httpAction(config: Config): NodeAction | undefined {
  const url = text(config.url);
  return url === undefined ? undefined : { kind: 'http', method: text(config.method)?.toUpperCase() ?? 'GET', url };
}

function nodeActions(node: WorkflowNodeDefinition, entry: CommandCatalog[number] | undefined): NodeAction[] {
  const config: Config = { ...(entry?.defaults ?? {}), ...(node.agentConfig ?? {}) };
  switch (entry?.kind) {
    case 'process':
      return [commandAction(config) ?? { kind: 'manifest', agentLoad: entry.agentLoad }];
    case 'http':
      return [httpAction(config)].filter((action) => action !== undefined);
    case 'sim':
    case 'manual':
      return [];
    case undefined:
      // No Engine has described this agent yet: whatever its config names is what it may run.
      return [commandAction(config), httpAction(config)].filter((action) => action !== undefined);
  }
}

/**
 * Every node of the definition that would run a command or make an HTTP call, with exactly what,
 * in document order. The catalog says how each agent load runs; an agent it does not know is
 * judged by its config, so a file naming an agent no Engine offers yet still shows its commands.
 */
export function workflowCommands(definition: WorkflowDefinition, catalog: CommandCatalog = []): NodeCommands[] {
  const byLoad = new Map(catalog.map((entry) => [entry.agentLoad, entry]));
  const found: NodeCommands[] = [];
  for (const node of definition.nodes) {
    if (node.nodeType !== 'agent' || node.agentLoad === undefined) continue;
    const actions = nodeActions(node, byLoad.get(node.agentLoad));
    if (actions.length > 0) found.push({ nodeId: node.nodeId, name: node.name ?? '', agentLoad: node.agentLoad, actions });
  }
  return found;
}

/** A node's actions as one string: equal exactly when the node would do exactly the same. */
export function actionsFingerprint(node: NodeCommands): string {
  return JSON.stringify([node.agentLoad, node.actions]);
}
