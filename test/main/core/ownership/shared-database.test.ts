import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../src/shared/logger';
import type { TaskChange } from '../../../../src/shared/task/changes';
import type { LogsAppended } from '../../../../src/shared/api/live';
import { startConsoleRuntime, type ConsoleRuntime } from '../../../../src/main/core/runtime';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';
import { flat } from '../../../helpers/workflow';

const tempDir = useTempDirs();
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const runtimes: ConsoleRuntime[] = [];
afterEach(async () => {
  for (const runtime of runtimes.splice(0).reverse()) await runtime.close();
});

async function start(dir: string, options: { recover?: boolean; label: string; logger?: Logger }): Promise<ConsoleRuntime> {
  const runtime = await startConsoleRuntime({
    dbFile: join(dir, 'console.sqlite'),
    migrationsDir: MIGRATIONS_DIR,
    appName: 'Deduction Console',
    version: 'test',
    logger: options.logger ?? quiet,
    processLabel: options.label,
    lease: { heartbeatMs: 100, expiryMs: 500, watchMs: 50 },
    ...(options.recover === undefined ? {} : { recover: options.recover }),
  });
  runtimes.push(runtime);
  return runtime;
}

describe('two consoles on one database', () => {
  it('the second watches: it sees the first one run a task live to its end, and starts or controls nothing', async () => {
    const dir = tempDir();
    const first = await start(dir, { label: 'deduction serve' });
    const warnings: string[] = [];
    const second = await start(dir, { label: 'Deduction Console', logger: { ...quiet, warn: (message) => warnings.push(message) } });
    expect(first.ownership.role()).toBe('scheduler');
    expect(second.ownership.role()).toBe('watcher');
    expect(warnings.join('\n')).toMatch(/watch mode: the scheduler of .*console\.sqlite is held by pid \d+ on host \S+ \(deduction serve\)/);

    const seen: TaskChange[] = [];
    const logs: LogsAppended[] = [];
    second.events.subscribe('taskChanged', (changes) => seen.push(...changes));
    second.events.subscribe('logsAppended', (batch) => logs.push(...batch));
    const { task_id: taskId } = await first.api.createTask(flat(['a', { agentConfig: { durationMs: 300, logLinesPerSecond: 20 } }], ['b', { agentConfig: { durationMs: 300 } }]));
    await first.api.startTask(taskId);
    await expect(second.api.pauseTask(taskId)).rejects.toThrow(/this console only watches .*: its scheduler is held by pid \d+ on host \S+ \(deduction serve\)/);

    await expect.poll(() => seen.filter((change) => change.taskId === taskId && change.task?.status === 'completed').length, { timeout: 10_000 }).toBe(1);
    const mine = seen.filter((change) => change.taskId === taskId);
    const nodeStatuses = new Map<string, string>();
    for (const change of mine) for (const node of change.nodes) nodeStatuses.set(node.nodeId, node.status);
    expect(Object.fromEntries(nodeStatuses)).toEqual({ root: 'completed', a: 'completed', b: 'completed' });
    expect(mine.map((change) => change.task?.status).filter(Boolean)).toContain('running');
    expect(logs.some((entry) => entry.taskId === taskId && entry.nodeIds.includes('a'))).toBe(true);

    const other = await second.api.createTask(flat(['c']));
    await expect(second.api.startTask(other.task_id)).rejects.toThrow(/only watches/);
    expect((await second.api.getTask(other.task_id)).status).toBe('pending');
  });

  it('a process running its own task refuses another one\'s controls, naming itself; once it is gone the scheduler takes the task over', async () => {
    const dir = tempDir();
    const runner = await start(dir, { label: 'deduction run slow.json', recover: false });
    const serve = await start(dir, { label: 'deduction serve' });
    expect(runner.ownership.role()).toBe('runner');
    expect(serve.ownership.role()).toBe('scheduler');
    const { task_id: taskId } = await runner.api.createTask(flat(['slow', { agentConfig: { durationMs: 2500 } }], ['quick', { agentConfig: { durationMs: 100 } }]));
    await runner.api.startTask(taskId);
    await expect(serve.api.stopTask(taskId)).rejects.toThrow(new RegExp(`task ${taskId} is run by another process: pid ${process.pid} on host \\S+ \\(deduction run slow\\.json\\)`));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(serve.scheduler.stats().queuedAgents).toBe(0);
    expect((await serve.api.getTask(taskId)).status).toBe('running');

    // A clean exit of the runner leaves its task to the scheduler: it takes it over, runs the
    // node the runner's Engine left unfinished again, and ends the task.
    runtimes.splice(runtimes.indexOf(runner), 1);
    await runner.close();
    await expect.poll(async () => (await serve.api.getTask(taskId)).status, { timeout: 15_000 }).toBe('completed');
    const nodes = await serve.api.queryNodes(taskId);
    expect(nodes.map((node) => [node.nodeId, node.status])).toEqual([
      ['root', 'completed'],
      ['slow', 'completed'],
      ['quick', 'completed'],
    ]);
    expect(serve.store.db.prepare('SELECT count(*) FROM task_owner WHERE task_id = ?').pluck().get(BigInt(taskId))).toBe(0n);
  });
});
