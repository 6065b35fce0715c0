import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../shared/logger';
import type { AgentCatalogEntry } from '../shared/engine/protocol';
import { agentManifestSchema, BUILTIN_SIM_MANIFEST, type AgentManifest } from './manifest';
import { errorText } from '../shared/error-text';

export interface AgentCatalog {
  /** The folder manifests were read from, if any; `{catalog}` in commands resolves to it. */
  readonly dir: string | null;
  get(agentLoad: string): AgentManifest | undefined;
  entries(): AgentCatalogEntry[];
}

/**
 * Reads every *.json manifest of `dir`. A bad manifest is reported and skipped so that one
 * typo does not take the whole Engine down; the built-in `sim` agent is always offered.
 */
export function loadCatalog(dir: string | null, logger: Logger): AgentCatalog {
  const manifests = new Map<string, AgentManifest>([[BUILTIN_SIM_MANIFEST.agentLoad, BUILTIN_SIM_MANIFEST]]);
  if (dir !== null) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
      const path = join(dir, file);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        logger.warn(`catalog: ${path} skipped: not JSON (${errorText(error)})`);
        continue;
      }
      const parsed = agentManifestSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        logger.warn(`catalog: ${path} skipped: ${issue.path.join('.') || '(manifest)'}: ${issue.message}`);
        continue;
      }
      manifests.set(parsed.data.agentLoad, parsed.data);
    }
  }
  const entries = [...manifests.values()].map(toEntry);
  return {
    dir,
    get: (agentLoad) => manifests.get(agentLoad),
    entries: () => entries,
  };
}

function toEntry(manifest: AgentManifest): AgentCatalogEntry {
  const { command: _command, commandFromConfig: _commandFromConfig, env: _env, timeoutMs: _timeoutMs, ...entry } = manifest;
  return entry;
}

/**
 * The catalog/ folder shipped with the app, found by walking up from this module: the code
 * runs from src/engine under tests, from out/node or out/main when built.
 */
export function shippedCatalogDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'catalog');
    if (existsSync(join(candidate, 'sim.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
