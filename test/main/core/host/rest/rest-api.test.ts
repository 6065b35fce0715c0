import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NODE_STATUSES } from '../../../../../src/shared/status';
import { API_ERROR_CODES } from '../../../../../src/shared/api/errors';
import { CREATE_BODY_FIELDS, DESIGN_NODE_ALIASES } from '../../../../../src/shared/api/rest/create-body';
import { REDACTED_TOKEN } from '../../../../../src/shared/settings/settings';
import { workflowNodeSchema } from '../../../../../src/shared/workflow/definition';
import { startHeadlessHost, type HeadlessHost, type HeadlessHostOptions } from '../../../../../src/main/core/host/headless-host';
import { REST_PREFIX } from '../../../../../src/main/core/host/rest/router';
import { REST_ROUTES } from '../../../../../src/main/core/host/rest/routes';
import type { ConsoleRuntime } from '../../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../../helpers/console-runtime';
import { runnableDesignBody } from '../../../../helpers/design-body';
import { OpenApiValidator } from '../../../../helpers/openapi';
import { useTempDirs } from '../../../../helpers/temp';

const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const tempDir = useTempDirs();
const openapi = new OpenApiValidator();

let runtime: ConsoleRuntime;
let host: HeadlessHost | undefined;

beforeEach(async () => {
  runtime = await startTestRuntime(tempDir());
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  await runtime.close();
});

async function start(options: Partial<HeadlessHostOptions> = {}): Promise<HeadlessHost> {
  host = await startHeadlessHost({
    apiFor: (session) => runtime.apiFor(session.operator, session.role),
    events: runtime.events,
    tokens: { operator: OPERATOR, viewer: VIEWER },
    ...options,
  });
  return host;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { code: number; message: string; data: unknown; error?: { code: string; message: string; details?: unknown } };
}

interface Send {
  token?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

async function send(method: string, path: string, options: Send = {}): Promise<Answer> {
  const token = options.token === undefined ? OPERATOR : options.token;
  const hasBody = options.body !== undefined || options.raw !== undefined;
  const response = await fetch(`${host!.url}${path}`, {
    method,
    headers: { ...(token !== null && { Authorization: `Bearer ${token}` }), ...(hasBody && { 'Content-Type': 'application/json' }), ...options.headers },
    ...(hasBody && { body: options.raw ?? JSON.stringify(options.body) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const covered = new Set<string>();

/** A call of a documented route, its answer checked against the document; the envelope's code is the HTTP status. */
async function documented(method: 'GET' | 'POST', template: string, path: string, options: Send = {}): Promise<Answer> {
  const answer = await send(method, `${REST_PREFIX}${path}`, options);
  expect(openapi.checkResponse(method, `${REST_PREFIX}${template}`, answer.status, answer.body), `${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`).toEqual([]);
  expect(answer.body.code).toBe(answer.status);
  if (answer.status === 200) covered.add(`${method} ${template}`);
  return answer;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Scheme = { scheme_id: string; name: string; status: string };
type Environment = { env_instance_id: string; engines: { url: string; token: string }[]; status: string };

/** Schemes and environments made, changed, archived and listed through their routes; answers the scheme's id for the task tour. */
async function catalogTour(): Promise<string> {
  const scheme = (await documented('POST', '/scheme/create', '/scheme/create', { body: { name: '  spring drill ', description: 'first', config: { region: 'north' } } })).body.data as Scheme;
  expect(scheme).toMatchObject({ name: 'spring drill', description: 'first', config: { region: 'north' }, status: 'active', task_count: 0 });
  const spare = (await documented('POST', '/scheme/create', '/scheme/create', { body: { name: 'spare' } })).body.data as Scheme;
  expect((await documented('POST', '/scheme/{scheme_id}/update', `/scheme/${scheme.scheme_id}/update`, { body: { description: null } })).body.data).toMatchObject({ scheme_id: scheme.scheme_id, description: null });
  expect((await documented('POST', '/scheme/{scheme_id}/archive', `/scheme/${spare.scheme_id}/archive`)).body.data).toMatchObject({ scheme_id: spare.scheme_id, status: 'archived' });
  const names = async (query: string) => ((await documented('GET', '/scheme/list', `/scheme/list${query}`)).body.data as { schemes: Scheme[] }).schemes.map((row) => row.name);
  expect(await names('')).toEqual(['spring drill']);
  expect(await names('?include_archived=true')).toEqual(['spare', 'spring drill']);
  expect((await documented('GET', '/scheme/list', '/scheme/list?include_archived=yes')).body).toMatchObject({
    code: 400,
    error: { code: 'INVALID_ARGUMENT' },
    message: 'query parameter include_archived: "yes" is neither true nor false',
  });
  expect((await documented('POST', '/scheme/create', '/scheme/create', { body: { name: 'x', colour: 'red' } })).body.message).toBe('(body): unknown field "colour"');
  expect((await documented('POST', '/scheme/{scheme_id}/archive', '/scheme/999/archive')).body).toMatchObject({ code: 404, message: 'There is no scheme 999' });

  const engines = [{ name: 'lab', url: 'http://127.0.0.1:1', token: 'engine-secret-token', weight: 2 }];
  const created = await documented('POST', '/env/create', '/env/create', { body: { name: 'lab', engines, strategy: 'weighted' } });
  const environment = created.body.data as Environment;
  expect(environment).toMatchObject({ name: 'lab', strategy: 'weighted', status: 'active', engines: [{ url: 'http://127.0.0.1:1', token: REDACTED_TOKEN, weight: 2 }] });
  const updated = await documented('POST', '/env/{env_instance_id}/update', `/env/${environment.env_instance_id}/update`, { body: { description: 'bench', engines: environment.engines } });
  expect(updated.body.data).toMatchObject({ description: 'bench', engines: [{ token: REDACTED_TOKEN }] });
  expect(JSON.stringify([created.body, updated.body])).not.toContain('engine-secret-token');
  expect((await documented('POST', '/env/create', '/env/create', { body: { name: 'empty', engines: [] } })).body).toMatchObject({ code: 400, message: 'engines: an environment needs at least one Engine' });
  expect((await documented('POST', '/env/{env_instance_id}/archive', `/env/${environment.env_instance_id}/archive`, { body: {} })).body.data).toMatchObject({ status: 'disabled' });
  expect((await documented('GET', '/env/list', '/env/list')).body.data).toEqual({ environments: [] });
  const all = (await documented('GET', '/env/list', '/env/list?include_archived=true')).body.data as { environments: Environment[] };
  expect(all.environments.map((row) => [row.env_instance_id, row.status])).toEqual([[environment.env_instance_id, 'disabled']]);
  return scheme.scheme_id;
}

type Nodes = { nodes: { nodeId: string; status: string }[] };

describe('REST API: the route table and docs/openapi.json', () => {
  it('documents every route of the table and no other, under the same operationIds', () => {
    const table = REST_ROUTES.map((route) => `${route.method} ${REST_PREFIX}${route.path} ${route.operationId}`).sort();
    const doc = Object.entries(openapi.doc.paths)
      .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`))
      .sort();
    expect(openapi.doc.openapi).toBe('3.1.0');
    expect(doc).toEqual(table);
  });

  it('is whole: every schema compiles, every reference resolves', () => {
    for (const name of Object.keys(openapi.doc.components.schemas)) expect(() => openapi.schemaAt(`/components/schemas/${name}`), name).not.toThrow();
    for (const [path, operations] of Object.entries(openapi.doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const at = `/paths/${path.replace(/\//g, '~1')}/${method}`;
        if (operation.requestBody) expect(() => openapi.schemaAt(`${at}/requestBody/content/application~1json/schema`), `${method} ${path} body`).not.toThrow();
        for (const [status, response] of Object.entries(operation.responses)) {
          const pointer = response.$ref ? `${response.$ref.slice(1)}/content/application~1json/schema` : `${at}/responses/${status}/content/application~1json/schema`;
          expect(() => openapi.schemaAt(pointer), `${method} ${path} ${status}`).not.toThrow();
        }
        for (const parameter of operation.parameters ?? []) expect(openapi.doc.components.parameters[parameter.$ref.replace('#/components/parameters/', '')], parameter.$ref).toBeDefined();
      }
    }
  });

  it('documents every body field and error code the code knows, and the design example body conforms', () => {
    const body = openapi.doc.components.schemas.CreateTaskRequest as { properties: object };
    expect(Object.keys(body.properties)).toEqual([...CREATE_BODY_FIELDS]);
    const node = openapi.doc.components.schemas.CreateNode as { properties: object };
    expect(Object.keys(node.properties).sort()).toEqual([...Object.keys(workflowNodeSchema.shape), ...Object.keys(DESIGN_NODE_ALIASES)].sort());
    const envelope = openapi.doc.components.schemas.ErrorEnvelope as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(envelope.properties.error.properties.code.enum).toEqual([...API_ERROR_CODES, 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'TOO_MANY_REQUESTS']);
    const example = openapi.operation('POST', `${REST_PREFIX}/task/create`).requestBody!.content['application/json']!.examples!.design!.value;
    expect(example).toEqual({ ...runnableDesignBody('task_20251113_001'), workflow: expect.anything() as unknown });
    expect(openapi.errors('/components/schemas/CreateTaskRequest', example)).toEqual([]);
    expect(openapi.errors('/components/schemas/CreateTaskRequest', runnableDesignBody())).toEqual([]);
    expect(openapi.errors('/components/schemas/CreateTaskRequest', { ...runnableDesignBody(), scheme_id: 2 ** 60 })).not.toEqual([]);
  });

  it('answers every route as documented, through real calls of a running task', async () => {
    await start();
    const schemeId = await catalogTour();
    const workflow = {
      name: 'rest tour',
      scheme_id: schemeId,
      workflow: {
        nodes: [
          { nodeId: 'root', nodeType: 'container', isRoot: true },
          { nodeId: 'slow', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 60_000, steps: 2 } },
          { nodeId: 'gate', nodeType: 'agent', parentId: 'root', agentLoad: 'manual' },
          { nodeId: 'bad', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 0, outcome: 'failed' } },
          { nodeId: 'later', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'slow' }] },
        ],
      },
    };
    const created = await documented('POST', '/task/create', '/task/create', { body: workflow });
    expect(created.body).toMatchObject({ code: 200, message: 'success', data: { total_nodes: 5, total_containers: 1, total_agents: 4 } });
    const taskId = (created.body.data as { task_id: string }).task_id;
    const nodes = (status?: string) => documented('GET', '/task/{task_id}/nodes', `/task/${taskId}/nodes${status ? `?status=${status}` : ''}`);
    const statusOf = (answer: Answer, nodeId: string) => (answer.body.data as Nodes).nodes.find((node) => node.nodeId === nodeId)?.status;
    await until('slow and gate run and bad fails', () => nodes(), (answer) => statusOf(answer, 'slow') === 'running' && statusOf(answer, 'gate') === 'running' && statusOf(answer, 'bad') === 'failed');
    const running = await nodes('running');
    expect((running.body.data as Nodes).nodes.map((node) => node.nodeId).sort()).toEqual(['gate', 'root', 'slow']);

    type Alerts = { alerts: { alert_id: string; rule: string; state: string; task_name: string; acknowledged_by: string | null }[] };
    const opened = await until('bad’s failure is an open alert', () => documented('GET', '/alert/list', `/alert/list?state=open&task_id=${taskId}`), (answer) => (answer.body.data as Alerts).alerts.some((alert) => alert.rule === 'node-failed'));
    const failure = (opened.body.data as Alerts).alerts.find((alert) => alert.rule === 'node-failed')!;
    expect(failure).toMatchObject({ task_name: 'rest tour', state: 'open', acknowledged_by: null });
    const refused = await send('POST', `${REST_PREFIX}/alert/${failure.alert_id}/acknowledge`, { token: VIEWER });
    expect(refused.body).toMatchObject({ code: 403, error: { code: 'FORBIDDEN' } });
    expect((await documented('GET', '/alert/list', `/alert/list?state=acknowledged`)).body.data).toEqual({ alerts: [] });
    const acknowledged = (await documented('POST', '/alert/{alert_id}/acknowledge', `/alert/${failure.alert_id}/acknowledge`)).body.data as Alerts['alerts'][number] & { acknowledged_at: string };
    expect(acknowledged).toMatchObject({ alert_id: failure.alert_id, state: 'acknowledged', acknowledged_by: expect.stringMatching(/.+/) as unknown });
    expect((await documented('POST', '/alert/{alert_id}/resolve', `/alert/${failure.alert_id}/resolve`, { body: {} })).body.data).toMatchObject({ state: 'resolved', acknowledged_by: acknowledged.acknowledged_by });
    expect((await documented('POST', '/alert/{alert_id}/acknowledge', `/alert/${failure.alert_id}/acknowledge`)).body).toMatchObject({ code: 409, message: `Alert ${failure.alert_id} is already resolved` });
    expect((await documented('GET', '/alert/list', '/alert/list?state=closed')).body.message).toBe('query parameter state: "closed" is not a known alert state (one of open, acknowledged, resolved)');

    expect((await documented('GET', '/task/list', '/task/list?status=running,paused&limit=10')).body.data).toMatchObject({ tasks: [{ task_id: taskId, status: 'running' }] });
    expect((await documented('GET', '/task/{task_id}', `/task/${taskId}`)).body.data).toMatchObject({ task_id: taskId, root_node_id: 'root', workflow: { name: 'rest tour' } });
    await until('the log has lines', () => documented('GET', '/task/{task_id}/logs', `/task/${taskId}/logs?level=info,warn,error&limit=2`), (answer) => (answer.body.data as { lines: unknown[] }).lines.length > 0);

    expect((await documented('POST', '/task/{task_id}/pause', `/task/${taskId}/pause`)).body.data).toMatchObject({ status: 'paused' });
    expect((await documented('POST', '/task/{task_id}/pause', `/task/${taskId}/pause`)).body).toMatchObject({ code: 409, error: { code: 'CONFLICT' } });
    expect((await documented('POST', '/task/{task_id}/resume', `/task/${taskId}/resume`, { body: {} })).body.data).toMatchObject({ status: 'running' });
    const slower = await documented('POST', '/task/{task_id}/clock', `/task/${taskId}/clock`, { body: { action: 'rate', rate: 0.5 } });
    expect(slower.body.data).toMatchObject({ clock: { task_id: taskId, rate: 0.5, paused: false }, not_honouring: expect.any(Array) });
    expect((await documented('POST', '/task/{task_id}/clock', `/task/${taskId}/clock`, { body: { action: 'rate', rate: 100 } })).body).toMatchObject({ code: 400, message: 'rate: must be at most ×64' });
    await documented('POST', '/task/{task_id}/clock', `/task/${taskId}/clock`, { body: { action: 'rate', rate: 1 } });
    expect((await documented('GET', '/task/{task_id}/clock', `/task/${taskId}/clock`)).body.data).toMatchObject({ rate: 1, changes: [{ action: 'rate', new: { rate: 0.5 } }, { action: 'rate', old: { rate: 0.5 }, new: { rate: 1 } }] });

    const variables = await documented('POST', '/task/{task_id}/variables', `/task/${taskId}/variables`, { body: { variables: { sector: 'north' }, reason: 'rest tour' } });
    expect(variables.body.data).toEqual({ changes: [{ name: 'sector', after: 'north' }] });
    const extra = { nodeId: 'extra', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'slow' }] };
    expect((await documented('POST', '/task/{task_id}/nodes/add', `/task/${taskId}/nodes/add`, { body: { nodes: [extra] } })).body.data).toEqual({ added: ['extra'] });
    const cyclic = await documented('POST', '/task/{task_id}/nodes/add', `/task/${taskId}/nodes/add`, { body: { nodes: [{ ...extra, nodeId: 'x', dependencies: [{ sourceNodeId: 'y' }] }, { ...extra, nodeId: 'y', dependencies: [{ sourceNodeId: 'x' }] }] } });
    expect(cyclic.body).toMatchObject({ code: 400, error: { code: 'INVALID_ARGUMENT' } });
    expect(cyclic.body.message).toMatch(/^The nodes to add do not fit the running workflow/);
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/remove', `/task/${taskId}/node/slow/remove`)).body).toMatchObject({ code: 409, message: 'Node "slow" is running; only a node that has not started can be removed' });
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/remove', `/task/${taskId}/node/extra/remove`)).body.data).toEqual({ removed: ['extra'] });
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/hold', `/task/${taskId}/node/later/hold`, { body: { reason: 'rest tour' } })).body.data).toMatchObject({ nodeId: 'later', status: 'held' });
    const released = (await documented('POST', '/task/{task_id}/node/{node_id}/release', `/task/${taskId}/node/later/release`)).body.data as { nodeId: string; status: string };
    expect(released.nodeId).toBe('later');
    expect(released.status).not.toBe('held');
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/skip', `/task/${taskId}/node/later/skip`)).body.data).toMatchObject({ nodeId: 'later', status: 'skipped' });
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/decide', `/task/${taskId}/node/gate/decide`, { body: { approved: true, comment: 'fine' } })).body.data).toMatchObject({ nodeId: 'gate' });
    expect((await documented('POST', '/task/{task_id}/retry-failed', `/task/${taskId}/retry-failed`)).body.data).toMatchObject({ nodes_restarted: 1, restarted: [expect.any(String)], skipped: expect.any(Array) });
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/stop', `/task/${taskId}/node/slow/stop`, { body: { reason: 'enough' } })).body.data).toMatchObject({ nodeId: 'slow', status: 'stopped' });
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/restart', `/task/${taskId}/node/slow/restart`)).body.data).toMatchObject({ nodeId: 'slow' });
    await until('slow runs again', () => nodes(), (answer) => statusOf(answer, 'slow') === 'running');
    await documented('POST', '/task/{task_id}/node/{node_id}/stop', `/task/${taskId}/node/slow/stop`);
    const rerun = await documented('POST', '/task/{task_id}/node/{node_id}/rerun', `/task/${taskId}/node/slow/rerun`);
    expect((rerun.body.data as { nodes_reset: number }).nodes_reset).toBeGreaterThanOrEqual(1);
    await until('bad fails again', () => nodes(), (answer) => statusOf(answer, 'bad') === 'failed');
    const edited = await documented('POST', '/task/{task_id}/node/{node_id}/rerun-with-config', `/task/${taskId}/node/bad/rerun-with-config`, { body: { config: { durationMs: 0 } } });
    expect(edited.body.data).toEqual({ nodes_reset: 1, config_changed: true });
    await until('bad completes with its edited config', () => nodes(), (answer) => statusOf(answer, 'bad') === 'completed');
    expect((await documented('POST', '/task/{task_id}/stop', `/task/${taskId}/stop`, { body: { reason: 'tour over' } })).body.data).toMatchObject({ task_id: taskId, status: 'stopped' });

    expect((await documented('GET', '/task/{task_id}', '/task/123')).body).toMatchObject({ code: 404, message: 'There is no task 123', data: null, error: { code: 'NOT_FOUND' } });
    expect((await documented('GET', '/task/{task_id}/nodes', `/task/${taskId}/nodes?status=bogus`)).body.message).toBe(
      `query parameter status: "bogus" is not a node status (one of ${NODE_STATUSES.join(', ')})`,
    );
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/stop', `/task/${taskId}/node/nowhere/stop`)).body).toMatchObject({ code: 404, message: `Task ${taskId} has no node "nowhere"` });
    expect((await documented('POST', '/task/{task_id}/node/{node_id}/decide', `/task/${taskId}/node/gate/decide`, { body: { approved: true, approve: true } })).body.message).toBe('(body): unknown field "approve"');
    expect((await documented('GET', '/scheme/list', '/scheme/list')).body.data).toMatchObject({ schemes: [{ scheme_id: schemeId, task_count: 1 }] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const dryRun = await documented('POST', '/task/prune', '/task/prune', { body: { older_than_days: 0, status: ['stopped'], dry_run: true } });
    expect(dryRun.body.data).toMatchObject({ dry_run: true, task_ids: [taskId], skipped: [] });
    expect((dryRun.body.data as { log_lines: number }).log_lines).toBeGreaterThan(0);
    expect((await documented('POST', '/task/prune', '/task/prune', { body: { older_than_days: 36_500 } })).body.data).toEqual({ dry_run: false, task_ids: [], log_lines: 0, skipped: [] });
    expect((await documented('POST', '/task/prune', '/task/prune', { body: { older_than_days: 1, status: ['running'] } })).body).toMatchObject({ code: 400, error: { code: 'INVALID_ARGUMENT' } });
    expect((await documented('POST', '/task/{task_id}/archive', `/task/${taskId}/archive`)).body.data).toEqual({ archived: 1 });
    expect((await documented('GET', '/task/list', '/task/list')).body.data).toMatchObject({ tasks: [] });
    const deleted = await documented('POST', '/task/{task_id}/delete', `/task/${taskId}/delete`);
    expect(deleted.body.data).toMatchObject({ task_ids: [taskId], skipped: [] });
    expect((await documented('POST', '/task/{task_id}/delete', `/task/${taskId}/delete`)).body).toMatchObject({ code: 404, message: `There is no task ${taskId}` });
    const notGet = await send('GET', `${REST_PREFIX}/task/create`);
    expect(notGet.body).toMatchObject({ code: 405, error: { code: 'METHOD_NOT_ALLOWED' }, message: '/api/v1/deduction/task/create takes POST, not GET' });
    expect(openapi.errors('/components/schemas/ErrorEnvelope', notGet.body)).toEqual([]);

    await runtime.api.saveTemplate({ definition: { name: 'hook', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }, { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' }], triggers: [{ type: 'http' }] } });
    const [hook] = await runtime.api.listTriggers({ templateName: 'hook' });
    expect((await documented('POST', '/trigger/{trigger_id}/fire', `/trigger/${hook!.id}/fire`, { body: { ticket: 'OPS-1' } })).body.data).toMatchObject({ trigger_id: hook!.id });

    const drill = await runtime.api.createTask({
      name: 'inject tour',
      nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }, { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 3000 } }],
      injects: [{ id: 'go', when: { type: 'manual' }, actions: [{ type: 'setVariables', variables: { go: true } }] }],
    });
    await runtime.api.startTask(drill.task_id);
    await until('the drill runs', () => runtime.api.getTask(drill.task_id), (task) => task.status === 'running');
    expect((await documented('GET', '/task/{task_id}/injects', `/task/${drill.task_id}/injects`)).body.data).toMatchObject({ injects: [{ inject_id: 'go', state: 'pending', fired_by: null }] });
    expect((await documented('POST', '/task/{task_id}/inject/{inject_id}/fire', `/task/${drill.task_id}/inject/go/fire`)).body.data).toMatchObject({ inject_id: 'go', state: 'fired', fired_by: expect.any(String), detail: 'set go' });
    expect((await documented('POST', '/task/{task_id}/inject/{inject_id}/fire', `/task/${drill.task_id}/inject/go/fire`)).body).toMatchObject({ code: 409, error: { code: 'CONFLICT' } });

    expect([...covered].sort()).toEqual(REST_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });
});

describe('REST API: authentication, roles and bodies', () => {
  it('refuses a missing or wrong token (401), a viewer anything but GET (403), and brakes repeated failures (429)', async () => {
    await start({ loginLimits: { maxFailures: 3 } });
    const missing = await send('GET', `${REST_PREFIX}/task/list`, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.body).toMatchObject({ code: 401, data: null, error: { code: 'UNAUTHENTICATED' } });
    expect(missing.body.message).toMatch(/Authorization: Bearer <token>/);
    expect((await send('GET', `${REST_PREFIX}/task/list`, { token: VIEWER })).body).toMatchObject({ code: 200, data: { tasks: [] } });
    const viewerCreate = await send('POST', `${REST_PREFIX}/task/create`, { token: VIEWER, body: runnableDesignBody() });
    expect(viewerCreate.body).toMatchObject({ code: 403, error: { code: 'FORBIDDEN' } });
    expect(viewerCreate.body.message).toMatch(/needs an operator token; this token is a viewer's/);
    expect((await runtime.api.listTasks()).length).toBe(0);
    expect((await send('GET', `${REST_PREFIX}/env/list`, { token: VIEWER })).body).toMatchObject({ code: 200, data: { environments: [] } });
    expect((await send('POST', `${REST_PREFIX}/scheme/create`, { token: VIEWER, body: { name: 'nope' } })).body).toMatchObject({ code: 403, error: { code: 'FORBIDDEN' } });
    expect(await runtime.api.listSchemes({ includeArchived: true })).toEqual([]);

    for (let attempt = 0; attempt < 3; attempt++) expect((await send('GET', `${REST_PREFIX}/task/list`, { token: 'wrong-token-0123456789' })).status).toBe(401);
    const braked = await send('GET', `${REST_PREFIX}/task/list`);
    expect(braked.status).toBe(429);
    expect(Number(braked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(braked.body.message).toMatch(/too many failed logins/);
  });

  it('answers unknown routes and methods with the envelope, and refuses bodies too large, not JSON, or of another type', async () => {
    await start({ maxMessageBytes: 4096 });
    expect((await send('GET', '/api/v1/deduction/nothing')).body).toMatchObject({ code: 404, message: 'there is no route GET /api/v1/deduction/nothing (the API is under /api/v1/deduction/, see docs/openapi.json)' });
    const wrongMethod = await send('DELETE', `${REST_PREFIX}/task/create`);
    expect(wrongMethod.body).toMatchObject({ code: 405, error: { code: 'METHOD_NOT_ALLOWED' } });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await send('POST', `${REST_PREFIX}/task/7/node/%E0%A4%A/stop`)).body).toMatchObject({ code: 400, message: 'the request path /api/v1/deduction/task/7/node/%E0%A4%A/stop is not validly percent-encoded' });

    const large = await send('POST', `${REST_PREFIX}/task/create`, { raw: JSON.stringify({ name: 'x'.repeat(5000) }) });
    expect(large.body).toMatchObject({ code: 413, error: { code: 'PAYLOAD_TOO_LARGE' }, message: 'the request body is larger than 4096 bytes, the most this host accepts' });
    expect(openapi.checkResponse('POST', `${REST_PREFIX}/task/create`, 413, large.body)).toEqual([]);
    expect(await chunkedPost(`${REST_PREFIX}/task/create`, 'x'.repeat(10_000))).toMatchObject({ code: 413 });

    const broken = await send('POST', `${REST_PREFIX}/task/create`, { raw: '{\n  "name": "x",\n  "workflow": }' });
    expect(broken.body).toMatchObject({ code: 400, error: { code: 'INVALID_ARGUMENT' } });
    expect(broken.body.message).toBe('the request body is not valid JSON: unexpected "}" where a value was expected, at line 3, column 15 (offset 31)');
    const form = await send('POST', `${REST_PREFIX}/task/create`, { raw: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.body).toMatchObject({ code: 415, message: 'the body must be JSON (Content-Type: application/json), not application/x-www-form-urlencoded' });
    expect((await runtime.api.listTasks()).length).toBe(0);
  });
});

/** A POST whose body comes in chunks, with no length announced: the host counts what arrives. */
function chunkedPost(path: string, text: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${host!.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${OPERATOR}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (response) => {
      let data = '';
      response.on('data', (chunk: Buffer) => (data += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(data)));
    });
    request.on('error', reject);
    for (let at = 0; at < text.length; at += 1000) request.write(text.slice(at, at + 1000));
    request.end();
  });
}
