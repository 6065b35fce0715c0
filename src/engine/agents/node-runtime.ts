import { existsSync } from 'node:fs';
import { NO_APP_NODE_ENV, NODE_PATH_ENV } from '../../shared/engine/node-env';
import { findOnPath } from './program-path';

export type NodeRuntime = { ok: true; file: string; env: Record<string, string> } | { ok: false; message: string };

export interface NodeRuntimeContext {
  env: NodeJS.ProcessEnv;
  /** process.versions.electron: the Engine is embedded in the desktop app. */
  electron: string | undefined;
  execPath: string;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

const here = (): NodeRuntimeContext => ({ env: process.env, electron: process.versions['electron'], execPath: process.execPath, platform: process.platform, exists: existsSync });

function onPath(context: NodeRuntimeContext): string | null {
  return findOnPath(context.platform === 'win32' ? 'node.exe' : 'node', { path: context.env['PATH'], platform: context.platform, exists: context.exists });
}

/**
 * What `{node}` runs. A standalone Engine is Node itself. Embedded in the desktop app, the
 * app's binary acts as Node (ELECTRON_RUN_AS_NODE) while developing; an installed build has
 * that fuse off, so there the agents need a Node on the machine, and say so rather than
 * starting a second copy of the app.
 */
export function nodeRuntime(context: NodeRuntimeContext = here()): NodeRuntime {
  const chosen = context.env[NODE_PATH_ENV];
  if (chosen) return context.exists(chosen) ? { ok: true, file: chosen, env: {} } : { ok: false, message: `${NODE_PATH_ENV} names ${chosen}, which does not exist` };
  if (!context.electron) return { ok: true, file: context.execPath, env: {} };
  if (context.env[NO_APP_NODE_ENV] !== '1') return { ok: true, file: context.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } };
  const found = onPath(context);
  if (found) return { ok: true, file: found, env: {} };
  return { ok: false, message: `this agent runs on Node.js, which the installed console does not bundle: install Node.js 20 or later, or set ${NODE_PATH_ENV} to its executable` };
}
