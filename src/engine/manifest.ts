import { z } from 'zod';
import { agentCatalogEntrySchema } from '../shared/engine/protocol';

export const WHOLE_CONFIG_PLACEHOLDER = /^\{config\.([A-Za-z0-9_]+)\}$/;

/**
 * An agent manifest: one JSON file of an Engine's catalog folder. The catalog entry the
 * console sees, plus what the Engine needs to run it.
 */
export const agentManifestSchema = agentCatalogEntrySchema
  .extend({
    /**
     * Process agents: the command line. `{node}` is the Node executable running the Engine,
     * `{catalog}` the catalog folder, `{config.NAME}` a string value of the merged config.
     * A config value is data, never syntax: its placeholder must be a whole argument.
     */
    command: z
      .array(
        z
          .string()
          .min(1)
          .max(4096)
          .refine((part) => !part.includes('{config.') || WHOLE_CONFIG_PLACEHOLDER.test(part), {
            message: 'a {config.NAME} placeholder must be a whole argument, e.g. "{config.file}", not part of one',
          }),
      )
      .min(1)
      .max(200)
      .optional(),
    /**
     * Process agents: the node's config names the program (`command` and `args`, or an
     * inline `script`), subject to the Engine's command policy. The command agent.
     */
    commandFromConfig: z.literal(true).optional(),
    /** Environment variables added for process agents. */
    env: z.record(z.string(), z.string()).optional(),
    /** Default timeout of a node of this agent when the start command gives none. */
    timeoutMs: z.int().positive().optional(),
  })
  .refine((manifest) => manifest.kind !== 'process' || (manifest.command !== undefined) !== (manifest.commandFromConfig === true), {
    message: 'a process agent needs either a command or "commandFromConfig": true, not both',
    path: ['command'],
  });
export type AgentManifest = z.infer<typeof agentManifestSchema>;

/** The built-in agent: always available, even with no catalog folder. */
export const BUILTIN_SIM_MANIFEST: AgentManifest = {
  agentLoad: 'sim',
  kind: 'sim',
  name: 'Simulation',
  description: 'Built-in deterministic simulation agent for demos and tests.',
  configSchema: {
    type: 'object',
    properties: {
      durationMs: { type: 'integer', minimum: 0 },
      steps: { type: 'integer', minimum: 1 },
      outcome: { enum: ['completed', 'failed'] },
      result: {},
      failTimes: { type: 'integer', minimum: 0 },
      logLinesPerSecond: { type: 'number', minimum: 0 },
      cpuPercent: { type: 'number', minimum: 0 },
      memoryMb: { type: 'number', minimum: 0 },
    },
  },
  defaults: { durationMs: 1000, steps: 4, outcome: 'completed' },
  translations: { 'zh-CN': { name: '仿真', description: '内置的确定性仿真智能体，用于演示与测试。' } },
};
