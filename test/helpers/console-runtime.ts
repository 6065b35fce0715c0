import { join } from 'node:path';
import type { Logger } from '../../src/shared/logger';
import { startConsoleRuntime, type ConsoleRuntime } from '../../src/main/core/runtime';
import { MIGRATIONS_DIR } from './paths';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The whole core, as the app runs it: store, embedded reference Engine, scheduler, service. */
export function startTestRuntime(dir: string, logger: Logger = quiet): Promise<ConsoleRuntime> {
  return startConsoleRuntime({ dbFile: join(dir, 'console.sqlite'), migrationsDir: MIGRATIONS_DIR, appName: 'Deduction Console', version: 'test', logger });
}
