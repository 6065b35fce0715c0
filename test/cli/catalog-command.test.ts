import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index';
import { recordingIo } from '../helpers/cli-io';
import { exitOf, spawnCli } from '../helpers/built-cli';
import { ENGINE_TOKEN, EngineProcess, writeWorkflow } from '../helpers/engine-processes';
import { useTempDirs } from '../helpers/temp';
import { agent, container, workflow } from '../helpers/workflow';

const tempDir = useTempDirs();
const engines: EngineProcess[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.kill()));
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** In-process, for the many quick commands; `env` is set for the call only. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value ?? '');
  try {
    const io = recordingIo();
    const code = await main(args, io);
    const lines = (text: string) => (text === '' ? '' : `${text}\n`);
    return { code, stdout: lines(io.stdout()), stderr: lines(io.stderr()) };
  } finally {
    vi.unstubAllEnvs();
  }
}

/** The built bin in a process of its own. */
async function built(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await exitOf(child);
  return { code, stdout, stderr };
}

function json<T>(outcome: Outcome): T {
  expect(outcome).toMatchObject({ code: 0 });
  return JSON.parse(outcome.stdout) as T;
}

const SECRET = 'cli-env-token-0123456789';

// The last case starts Node processes (two Engines, the built bin); on a loaded two-core machine each start takes a second or more.
describe('deduction scheme and deduction env, against a real database', { timeout: 120_000 }, () => {
  it('create, list, edit and archive schemes; a clash of names exits 2, an unknown scheme 1', async () => {
    const db = join(tempDir(), 'console.sqlite');
    const created = json<{ id: string; name: string; config: unknown }>(await cli(['scheme', 'create', 'spring drill', '--config', '{"rounds":3}', '--json', '--db', db]));
    expect(created).toMatchObject({ name: 'spring drill', config: { rounds: 3 }, status: 'active' });
    const clash = await cli(['scheme', 'create', 'spring drill', '--db', db]);
    expect(clash).toMatchObject({ code: 2, stderr: 'deduction: A scheme named "spring drill" already exists; scheme names are unique\n' });
    expect(await cli(['scheme', 'create', 'x', '--config', '[1]', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('expected a JSON object') });

    const edited = await cli(['scheme', 'edit', 'spring drill', '--name', 'autumn drill', '--description', 'second round', '--db', db]);
    expect(edited).toMatchObject({ code: 0, stdout: `edited scheme ${created.id}  autumn drill  0 task(s)  second round\n` });
    expect(await cli(['scheme', 'archive', created.id, '--db', db])).toMatchObject({ code: 0, stdout: expect.stringContaining('(archived)') });
    expect(await cli(['scheme', 'list', '--db', db])).toMatchObject({ code: 0, stdout: 'no scheme\n' });
    expect(json<Array<{ name: string; status: string }>>(await cli(['scheme', 'list', '--all', '--json', '--db', db]))).toMatchObject([{ name: 'autumn drill', status: 'archived' }]);
    expect(await cli(['scheme', 'archive', 'no such', '--db', db])).toMatchObject({ code: 1, stderr: 'deduction: There is no scheme no such\n' });
  });

  it('create, list, edit and archive environments; tokens are sealed and never printed; bad Engines exit 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'console.sqlite');
    const created = await cli(['env', 'create', 'lab', '--engine', 'ws://127.0.0.1:7301', '--engine', 'ws://127.0.0.1:7302', '--weight', '3', '--weight', '1', '--strategy', 'weighted', '--db', db], {
      DEDUCTION_ENGINE_TOKEN: SECRET,
    });
    expect(created).toMatchObject({ code: 0, stdout: expect.stringMatching(/^created environment \d+ {2}lab {2}weighted {2}\[ws:\/\/127\.0\.0\.1:7301×3, ws:\/\/127\.0\.0\.1:7302×1\] {2}0 task\(s\)\n$/) });
    const listed = await cli(['env', 'list', '--json', '--db', db]);
    expect(listed.stdout).not.toContain(SECRET);
    expect(json<Array<{ engines: Array<{ token: string }> }>>(listed)[0]!.engines.map((engine) => engine.token)).toEqual(['********', '********']);
    expect(readFileSync(db).includes(SECRET)).toBe(false);

    expect(await cli(['env', 'create', 'bad', '--engine', 'ftp://x', '--db', db], { DEDUCTION_ENGINE_TOKEN: SECRET })).toMatchObject({
      code: 2,
      stderr: 'deduction: engines.0.url: must be an http, https, ws or wss URL\n',
    });
    expect(await cli(['env', 'create', 'bad', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs its Engines') });
    expect(await cli(['env', 'create', 'bad', '--engine', 'ws://127.0.0.1:1', '--db', db], { DEDUCTION_ENGINE_TOKEN: '' })).toMatchObject({ code: 2, stderr: expect.stringContaining('--engine-token') });
    expect(await cli(['env', 'create', 'lab', '--engine', 'ws://127.0.0.1:1', '--db', db], { DEDUCTION_ENGINE_TOKEN: SECRET })).toMatchObject({ code: 2, stderr: expect.stringContaining('already exists') });

    // An Engine kept by URL with the placeholder keeps its sealed token.
    const file = join(dir, 'engines.json');
    writeFileSync(file, JSON.stringify([{ url: 'ws://127.0.0.1:7301', token: '********', name: 'first' }]));
    expect(await cli(['env', 'edit', 'lab', '--engines-file', file, '--strategy', 'round_robin', '--db', db])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('lab  round_robin  [first=ws://127.0.0.1:7301]'),
    });
    const stored = new BetterSqlite3(db, { readonly: true });
    const engines = JSON.parse(stored.prepare('SELECT engines FROM env_instance').pluck().get() as string) as Array<{ token: string }>;
    stored.close();
    expect(engines).toHaveLength(1);
    expect(engines[0]!.token).toMatch(/^sealed:v1:/);

    expect(await cli(['env', 'archive', 'lab', '--db', db])).toMatchObject({ code: 0, stdout: expect.stringContaining('(archived)') });
    expect(await cli(['env', 'list', '--db', db])).toMatchObject({ code: 0, stdout: 'no environment\n' });
    expect(await cli(['env', 'edit', 'lab', '--enable', '--db', db])).toMatchObject({ code: 0, stdout: expect.not.stringContaining('(archived)') });
    expect(await cli(['env', 'edit', 'nowhere', '--enable', '--db', db])).toMatchObject({ code: 1, stderr: 'deduction: There is no environment nowhere\n' });
  });

  it('runs a task made in an environment on both of its Engines, round robin', async () => {
    const dir = tempDir();
    const db = join(dir, 'console.sqlite');
    engines.push(await EngineProcess.start('env-e1'), await EngineProcess.start('env-e2'));
    const env = { DEDUCTION_ENGINE_TOKEN: ENGINE_TOKEN };
    expect(await built(['env', 'create', 'lab', ...engines.flatMap((engine) => ['--engine', engine.url]), '--db', db], env)).toMatchObject({ code: 0 });
    const agents = ['a1', 'a2', 'a3', 'a4'].map((id) => agent(id, 'root', { agentConfig: { durationMs: 50 } }));
    const file = writeWorkflow(dir, workflow([container('root'), ...agents]));
    const run = await built(['run', file, '--env', 'lab', '--json', '--db', db]);
    expect(run).toMatchObject({ code: 0 });
    expect(JSON.parse(run.stdout)).toMatchObject({ task: { status: 'completed' } });

    const store = new BetterSqlite3(db, { readonly: true });
    const starts = store
      .prepare("SELECT e.engine_id AS engine, COUNT(*) AS n FROM node_execution e JOIN workflow_node w ON w.task_id = e.task_id AND w.node_id = e.node_id WHERE w.node_type = 'agent' GROUP BY e.engine_id ORDER BY e.engine_id")
      .all();
    const task = store.prepare('SELECT env_instance_id FROM deduction_task').get() as { env_instance_id: number };
    store.close();
    expect(task.env_instance_id).not.toBeNull();
    expect(starts).toEqual([
      { engine: 'env-e1', n: 2 },
      { engine: 'env-e2', n: 2 },
    ]);

    // A disabled environment refuses the start: the run fails with the reason and the task stays pending.
    expect(await cli(['env', 'archive', 'lab', '--db', db])).toMatchObject({ code: 0 });
    expect(await cli(['run', file, '--env', 'lab', '--json', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('Environment "lab" is disabled') });
    expect(await cli(['run', file, '--env', 'nowhere', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no environment nowhere') });
  });
});
