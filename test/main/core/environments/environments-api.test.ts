import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../../src/shared/api/errors';
import type { EnvironmentView } from '../../../../src/shared/environments/environments';
import type { SchemeView } from '../../../../src/shared/environments/schemes';
import { REDACTED_TOKEN } from '../../../../src/shared/settings/settings';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { dispatch, type Role } from '../../../../src/main/core/service/dispatch';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const runtimes: ConsoleRuntime[] = [];
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
});

async function console(): Promise<{ runtime: ConsoleRuntime; dir: string; call: <T>(method: string, args: unknown[], role?: Role) => Promise<CallResult<T>> }> {
  const dir = tempDir();
  const runtime = await startTestRuntime(dir);
  runtimes.push(runtime);
  const call = <T,>(method: string, args: unknown[], role: Role = 'operator') => dispatch(runtime.api, method, args, role) as Promise<CallResult<T>>;
  return { runtime, dir, call };
}

function ok<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.result;
}

const SECRET = 'env-token-never-shown-0123456789';
const ENGINES = [
  { name: 'alpha', url: 'ws://127.0.0.1:1', token: SECRET, weight: 2 },
  { url: 'ws://127.0.0.1:2', token: 'second-token-0123456789' },
];
const WORKFLOW = { name: 'w', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }, { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 0 } }] };

describe('schemes through the ConsoleApi', () => {
  it('creates, lists, edits and archives; archived ones are listed only when asked for', async () => {
    const { call } = await console();
    const created = ok(await call<SchemeView>('createScheme', [{ name: ' Red drill ', description: 'spring', config: { rounds: 3 } }]));
    expect(created).toMatchObject({ name: 'Red drill', description: 'spring', config: { rounds: 3 }, status: 'active', createdBy: 'operator', taskCount: 0 });
    expect(ok(await call<SchemeView[]>('listSchemes', [])).map((scheme) => scheme.name)).toEqual(['Red drill']);

    const edited = ok(await call<SchemeView>('updateScheme', [created.id, { name: 'Blue drill', description: null }]));
    expect(edited).toMatchObject({ id: created.id, name: 'Blue drill', description: null, config: { rounds: 3 } });

    expect(ok(await call<SchemeView>('archiveScheme', [created.id])).status).toBe('archived');
    expect(ok(await call<SchemeView[]>('listSchemes', []))).toEqual([]);
    expect(ok(await call<SchemeView[]>('listSchemes', [{ includeArchived: true }])).map((scheme) => scheme.status)).toEqual(['archived']);
    expect(ok(await call<SchemeView>('updateScheme', [created.id, { status: 'active' }])).status).toBe('active');
  });

  it('refuses a second scheme of the same name, on create and on rename, with a reason', async () => {
    const { call } = await console();
    ok(await call('createScheme', [{ name: 'drill' }]));
    const other = ok(await call<SchemeView>('createScheme', [{ name: 'other' }]));
    for (const result of [await call('createScheme', [{ name: 'drill' }]), await call('updateScheme', [other.id, { name: 'drill' }])]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'scheme.nameTaken', params: { name: 'drill' } }, message: 'A scheme named "drill" already exists; scheme names are unique' } });
    }
  });

  it('says which scheme does not exist, and what is wrong with bad input', async () => {
    const { call } = await console();
    expect(await call('archiveScheme', ['123'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: { key: 'scheme.notFound', params: { id: '123' } } } });
    expect(await call('createScheme', [{ name: '  ' }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('0.name') } });
  });

  it('keeps an archived scheme that tasks name, and makes no new task in it', async () => {
    const { runtime, call } = await console();
    const scheme = ok(await call<SchemeView>('createScheme', [{ name: 'drill' }]));
    const task = ok(await call<{ task_id: string }>('createTask', [WORKFLOW, { schemeId: scheme.id }]));
    ok(await call('archiveScheme', [scheme.id]));
    const rows = runtime.store.all(runtime.store.kysely.selectFrom('deduction_task').select('scheme_id').where('id', '=', task.task_id));
    expect(rows).toEqual([{ scheme_id: scheme.id }]);
    expect(ok(await call<SchemeView[]>('listSchemes', [{ includeArchived: true }]))[0]).toMatchObject({ id: scheme.id, taskCount: 1, status: 'archived' });
    expect(await call('createTask', [WORKFLOW, { schemeId: scheme.id }])).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'scheme.archived', params: { name: 'drill' } } } });
  });

  it('names the scheme or environment a new task gives that does not exist, writing nothing', async () => {
    const { runtime, call } = await console();
    expect(await call('createTask', [WORKFLOW, { schemeId: '42' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'There is no scheme 42', reason: { key: 'scheme.notFound', params: { id: '42' } } },
    });
    expect(await call('createTask', [WORKFLOW, { envInstanceId: '43' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'There is no environment 43', reason: { key: 'environment.notFound', params: { id: '43' } } },
    });
    expect(runtime.store.all(runtime.store.kysely.selectFrom('deduction_task').select('id'))).toEqual([]);
  });

  it('lets a viewer list but not change', async () => {
    const { call } = await console();
    const scheme = ok(await call<SchemeView>('createScheme', [{ name: 'drill' }]));
    expect(ok(await call<SchemeView[]>('listSchemes', [], 'viewer'))).toHaveLength(1);
    for (const [method, args] of [['createScheme', [{ name: 'x' }]], ['updateScheme', [scheme.id, { name: 'y' }]], ['archiveScheme', [scheme.id]]] as const) {
      expect(await call(method, [...args], 'viewer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(ok(await call<SchemeView[]>('listSchemes', []))[0]).toMatchObject({ name: 'drill', status: 'active' });
  });
});

describe('environments through the ConsoleApi', () => {
  it('creates, lists, edits and archives; tokens are sealed at rest and never read back', async () => {
    const { runtime, dir, call } = await console();
    const created = ok(await call<EnvironmentView>('createEnvironment', [{ name: 'lab', engines: ENGINES, strategy: 'weighted' }]));
    expect(created).toMatchObject({ name: 'lab', strategy: 'weighted', status: 'active', taskCount: 0 });
    expect(created.engines).toEqual([
      { name: 'alpha', url: 'ws://127.0.0.1:1', token: REDACTED_TOKEN, weight: 2 },
      { url: 'ws://127.0.0.1:2', token: REDACTED_TOKEN, weight: 1 },
    ]);
    const stored = runtime.store.first(runtime.store.kysely.selectFrom('env_instance').select('engines').where('id', '=', created.id))!.engines;
    expect(stored).not.toContain(SECRET);
    expect(stored).toContain('sealed:v1:');
    expect(readFileSync(join(dir, 'console.sqlite')).includes(SECRET)).toBe(false);

    for (const role of ['operator', 'viewer'] as const) {
      const listed = ok(await call<EnvironmentView[]>('listEnvironments', [], role));
      expect(JSON.stringify(listed)).not.toContain(SECRET);
      expect(listed.map((environment) => environment.name)).toEqual(['lab']);
    }

    // The placeholder keeps the stored token of the same URL; a new URL needs its token.
    const edited = ok(await call<EnvironmentView>('updateEnvironment', [created.id, { name: 'range', engines: [{ ...created.engines[0]!, weight: 5 }], strategy: 'round_robin' }]));
    expect(edited).toMatchObject({ name: 'range', strategy: 'round_robin', engines: [{ url: 'ws://127.0.0.1:1', weight: 5, token: REDACTED_TOKEN }] });
    const { endpoints } = (await import('../../../../src/main/core/environments/environments')).readEnvironmentEngines(runtime.store, created.id);
    expect(endpoints.map((endpoint) => endpoint.token)).toEqual([SECRET]);
    expect(await call('updateEnvironment', [created.id, { engines: [{ url: 'ws://127.0.0.1:9', token: REDACTED_TOKEN }] }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', reason: { key: 'environment.tokenNeeded', params: { url: 'ws://127.0.0.1:9', name: 'range' } } },
    });

    expect(ok(await call<EnvironmentView>('archiveEnvironment', [created.id])).status).toBe('disabled');
    expect(ok(await call<EnvironmentView[]>('listEnvironments', []))).toEqual([]);
    expect(ok(await call<EnvironmentView[]>('listEnvironments', [{ includeArchived: true }])).map((environment) => environment.status)).toEqual(['disabled']);
  });

  it('validates Engine endpoints and strategy, naming the field', async () => {
    const { call } = await console();
    expect(await call('createEnvironment', [{ name: 'lab', engines: [{ url: 'ftp://x', token: 't' }] }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', reason: { key: 'argument.invalid', params: { path: '0.engines.0.url', detail: 'must be an http, https, ws or wss URL' } } },
    });
    expect(await call('createEnvironment', [{ name: 'lab', engines: [] }])).toMatchObject({ ok: false, error: { reason: { params: { path: '0.engines', detail: 'an environment needs at least one Engine' } } } });
    expect(await call('createEnvironment', [{ name: 'lab', engines: ENGINES, strategy: 'random' }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', reason: { params: { path: '0.strategy' } } } });
  });

  it('refuses a second environment of the same name, and a viewer’s changes', async () => {
    const { call } = await console();
    const lab = ok(await call<EnvironmentView>('createEnvironment', [{ name: 'lab', engines: ENGINES }]));
    expect(await call('createEnvironment', [{ name: 'lab', engines: ENGINES }])).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'environment.nameTaken', params: { name: 'lab' } } } });
    for (const [method, args] of [['createEnvironment', [{ name: 'x', engines: ENGINES }]], ['updateEnvironment', [lab.id, { strategy: 'weighted' }]], ['archiveEnvironment', [lab.id]]] as const) {
      expect(await call(method, [...args], 'viewer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(ok(await call<EnvironmentView[]>('listEnvironments', []))[0]).toMatchObject({ strategy: 'round_robin', status: 'active' });
  });

  it('keeps a disabled environment that tasks name; neither creates nor starts a task in it', async () => {
    const { runtime, call } = await console();
    const lab = ok(await call<EnvironmentView>('createEnvironment', [{ name: 'lab', engines: ENGINES }]));
    const task = ok(await call<{ task_id: string }>('createTask', [WORKFLOW, { envInstanceId: lab.id }]));
    ok(await call('archiveEnvironment', [lab.id]));
    expect(ok(await call<EnvironmentView[]>('listEnvironments', [{ includeArchived: true }]))[0]).toMatchObject({ taskCount: 1, status: 'disabled' });
    expect(await call('createTask', [WORKFLOW, { envInstanceId: lab.id }])).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'environment.disabled', params: { name: 'lab' } } } });
    expect(await call('startTask', [task.task_id])).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Environment "lab" is disabled; enable it before making or starting tasks in it' },
    });
    expect(runtime.store.first(runtime.store.kysely.selectFrom('deduction_task').select('status').where('id', '=', task.task_id))).toEqual({ status: 'pending' });
  });
});
