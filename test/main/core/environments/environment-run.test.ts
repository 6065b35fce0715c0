import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsoleRuntime, type ConsoleRuntime } from '../../../../src/main/core/runtime';
import type { Logger } from '../../../../src/shared/logger';
import { recordingLogger, TOKEN, useEngines } from '../../../helpers/engine';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { waitForTask } from '../../../helpers/scheduler';
import { useTempDirs } from '../../../helpers/temp';
import { agent, container, workflow } from '../../../helpers/workflow';

const engines = useEngines();
const tempDir = useTempDirs();
const runtimes: ConsoleRuntime[] = [];
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
});

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const agents = (count: number) => workflow([container('root'), ...Array.from({ length: count }, (_, index) => agent(`a${index + 1}`, 'root', { agentConfig: { durationMs: 20 } }))]);

describe('a task made in an environment, on real Engines', () => {
  it('runs round robin over the environment’s two Engines while another task runs on the default Engine they share', async () => {
    const logs = [recordingLogger(), recordingLogger()];
    const [e1, e2] = await Promise.all([engines.engine({ id: 'e1', logger: logs[0]! }), engines.engine({ id: 'e2', logger: logs[1]! })]);
    const ws = (url: string) => url.replace('http:', 'ws:');
    const runtime = await startConsoleRuntime({
      dbFile: join(tempDir(), 'console.sqlite'),
      migrationsDir: MIGRATIONS_DIR,
      appName: 'Deduction Console',
      version: 'test',
      logger: quiet,
      engines: [{ url: ws(e1!.url), token: TOKEN, weight: 1 }],
    });
    runtimes.push(runtime);
    const lab = await runtime.api.createEnvironment({ name: 'lab', engines: [{ name: 'one', url: ws(e1!.url), token: TOKEN }, { name: 'two', url: ws(e2!.url), token: TOKEN }] });

    const inLab = (await runtime.api.createTask(agents(4), { envInstanceId: lab.id })).task_id;
    const outside = (await runtime.api.createTask(agents(2))).task_id;
    await Promise.all([runtime.api.startTask(inLab), runtime.api.startTask(outside)]);
    expect(await waitForTask(runtime.scheduler, runtime.store, inLab)).toBe('completed');
    expect(await waitForTask(runtime.scheduler, runtime.store, outside)).toBe('completed');

    const placed = (taskId: string) =>
      runtime.store.all(
        runtime.store.kysely
          .selectFrom('node_execution')
          .select(['engine_id'])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('task_id', '=', taskId)
          .where('node_id', 'like', 'a%')
          .groupBy('engine_id')
          .orderBy('engine_id'),
      );
    expect(placed(inLab)).toEqual([
      { engine_id: 'e1', n: 2 },
      { engine_id: 'e2', n: 2 },
    ]);
    expect(placed(outside)).toEqual([{ engine_id: 'e1', n: 2 }]);
    // The environment's links to e1 and the default one never displaced each other.
    expect(logs[0]!.messages('warn').filter((line) => line.includes('connected again'))).toEqual([]);
    expect((await runtime.api.listEngines()).map((state) => `${state.endpoint}: ${state.status}`)).toEqual([`${ws(e1!.url)}: connected`, 'lab/one: connected', 'lab/two: connected']);
  });
});
