import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * Builds the app into out/ if it is not there: `npm test` builds before the unit tests, so
 * this only runs for a test file started on its own.
 */
export function ensureBuiltApp(): void {
  if (!existsSync(join(REPO_ROOT, 'out/main/index.js')) || !existsSync(join(REPO_ROOT, 'out/renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  if (!existsSync(join(REPO_ROOT, 'out/node/cli.js'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.node.config.ts'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
}
