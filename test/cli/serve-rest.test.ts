import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';
import { ENGINE_TOKEN, EngineProcess } from '../helpers/engine-processes';
import { designCreateBody, runnableDesignBody } from '../helpers/design-body';
import { openTestStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const OPERATOR = 'rest-operator-token-0123456789';
const VIEWER = 'rest-viewer-token-0123456789';
const API = '/api/v1/deduction';
const tempDir = useTempDirs();

let child: ReturnType<typeof spawnCli>;
let engine: EngineProcess;
let url: string;

/**
 * The design's example names scheme 1234567890 and environment instance 9876543210: the
 * database holds them, the environment with an Engine of its own (made by `deduction env
 * create`, which seals its token, then given the design's id).
 */
async function databaseWithDesignRows(dir: string): Promise<string> {
  const file = join(dir, 'serve.sqlite');
  const store = await openTestStore(dir, 'serve.sqlite');
  store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (1234567890, 'design scheme', 1, 1)`).run();
  store.close();
  engine = await EngineProcess.start('design-environment');
  const made = spawnCli(['env', 'create', 'design environment', '--engine', engine.url, '--db', file], { DEDUCTION_ENGINE_TOKEN: ENGINE_TOKEN });
  expect(await exitOf(made)).toBe(0);
  const again = await openTestStore(dir, 'serve.sqlite');
  again.db.prepare(`UPDATE env_instance SET id = 9876543210 WHERE env_name = 'design environment'`).run();
  again.close();
  return file;
}

beforeAll(async () => {
  const db = await databaseWithDesignRows(tempDir());
  child = spawnCli(['serve', '--port', '0', '--db', db], { DEDUCTION_TOKEN: OPERATOR, DEDUCTION_VIEWER_TOKEN: VIEWER });
  [, url] = (await waitForOutput(child, /operator: (http:\/\/127\.0\.0\.1:\d+) \(token from DEDUCTION_TOKEN\)/)) as unknown as [string, string];
});
afterAll(async () => {
  child.kill('SIGTERM');
  expect(await exitOf(child)).toBe(0);
  await engine.kill();
});

interface Envelope<T = unknown> {
  code: number;
  message: string;
  data: T;
  error?: { code: string };
}

async function call<T = unknown>(method: string, path: string, options: { token?: string | null; body?: unknown; raw?: string } = {}): Promise<{ status: number; body: Envelope<T> }> {
  const token = options.token === undefined ? OPERATOR : options.token;
  const hasBody = options.body !== undefined || options.raw !== undefined;
  const response = await fetch(`${url}${API}${path}`, {
    method,
    headers: { ...(token !== null && { Authorization: `Bearer ${token}` }), ...(hasBody && { 'Content-Type': 'application/json' }) },
    ...(hasBody && { body: options.raw ?? JSON.stringify(options.body) }),
  });
  return { status: response.status, body: (await response.json()) as Envelope<T> };
}

interface DesignNode {
  nodeId: string;
  nodeType: string;
  status: string;
  progress: number;
  startTime?: string;
  endTime?: string;
  errorCode: string | null;
  errorMessage: string | null;
  managedNodes?: Record<string, number>;
}
interface NodesData {
  nodes: DesignNode[];
  dependencies: { source: string; target: string; type: string; satisfied: boolean }[];
}
type Created = { task_id: string; status: string; total_nodes: number; total_containers: number; total_agents: number };

async function untilEnded(taskId: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { body } = await call<{ status: string }>('GET', `/task/${taskId}`);
    if (['completed', 'failed', 'stopped'].includes(body.data.status)) return body.data.status;
    if (Date.now() > deadline) throw new Error(`task ${taskId} did not end: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('deduction serve: the REST API', () => {
  it('creates and starts a task from the design example body, every field as written, and answers the design envelope', async () => {
    const { status, body } = await call<Created>('POST', '/task/create', { body: designCreateBody() });
    expect(status).toBe(200);
    expect(body).toEqual({
      code: 200,
      message: 'success',
      data: { task_id: expect.stringMatching(/^[1-9]\d+$/) as unknown, status: expect.stringMatching(/^(initializing|running|failed)$/) as unknown, total_nodes: 3, total_containers: 1, total_agents: 2 },
    });
    const taskId = body.data.task_id;
    // The shipped Engine has no agent_red_team: the task runs, and that node fails saying so; its dependant is skipped.
    expect(await untilEnded(taskId)).toBe('failed');
    const nodes = (await call<NodesData>('GET', `/task/${taskId}/nodes`)).body.data;
    expect(nodes.nodes.map((node) => [node.nodeId, node.status])).toEqual([
      ['root_container_001', 'failed'],
      ['agent_001', 'failed'],
      ['agent_002', 'skipped'],
    ]);
    // The embedded Engine says it has no such agent; behind a balancer (an environment's Engines), that none offers it.
    expect(nodes.nodes[1]!.errorCode).toMatch(/^(UNSUPPORTED_AGENT|NO_ENGINE)$/);
    expect(nodes.nodes[1]!.errorMessage).toContain('agent "agent_red_team"');
    expect(nodes.nodes[2]!.errorCode).toBe('DEPENDENCY_UNSATISFIED');
    expect(nodes.dependencies).toEqual([{ source: 'agent_001', target: 'agent_002', type: 'success', satisfied: false, state: 'unsatisfiable', condition: null }]);
    const task = (await call<{ name: string; workflow: { description?: string } }>('GET', `/task/${taskId}`)).body.data;
    expect(task).toMatchObject({ name: 'task_20251113_001', description: '工作流任务', workflow: { description: '工作流任务' } });
  });

  it('answers the design node query: managed nodes, progress in percent, ISO times, satisfied dependencies, filtered by status', async () => {
    const created = (await call<Created>('POST', '/task/create', { body: runnableDesignBody() })).body.data;
    expect(await untilEnded(created.task_id)).toBe('completed');
    const { status, body } = await call<NodesData>('GET', `/task/${created.task_id}/nodes?status=completed`);
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    const [root, red, blue] = body.data.nodes;
    expect(root).toMatchObject({ nodeId: 'root_container_001', nodeType: 'container', status: 'completed', managedNodes: { total: 2, completed: 2, running: 0 } });
    for (const agent of [red!, blue!]) {
      expect(agent).toMatchObject({ nodeType: 'agent', status: 'completed', progress: 100 });
      expect(agent.startTime).toMatch(ISO);
      expect(agent.endTime).toMatch(ISO);
      expect(agent).not.toHaveProperty('managedNodes');
    }
    expect(Date.parse(blue!.startTime!)).toBeGreaterThanOrEqual(Date.parse(red!.endTime!));
    expect(body.data.dependencies).toEqual([{ source: 'agent_001', target: 'agent_002', type: 'success', satisfied: true, state: 'satisfied', condition: null }]);
    expect((await call<NodesData>('GET', `/task/${created.task_id}/nodes?status=running,failed`)).body.data).toEqual({ nodes: [], dependencies: [] });
  });

  it('keeps the envelope on errors, with the HTTP status and a message naming what is wrong', async () => {
    const unknownScheme = await call('POST', '/task/create', { body: { ...designCreateBody(), name: 'task with an unknown scheme', scheme_id: 42, env_instance_id: null } });
    expect(unknownScheme).toEqual({
      status: 400,
      body: { code: 400, message: 'There is no scheme 42', data: null, error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as unknown },
    });
    const badJson = await call('POST', '/task/create', { raw: '{"name": "x", "workflow": {"nodes": [}' });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ code: 400, data: null, error: { code: 'INVALID_ARGUMENT' } });
    expect(badJson.body.message).toMatch(/^the request body is not valid JSON: .*, at line 1, column 38 \(offset 37\)$/);
    const misspelt = designCreateBody();
    (misspelt.workflow as { nodes: Record<string, unknown>[] }).nodes[1]!.agentConfg = {};
    const unknownField = await call('POST', '/task/create', { body: misspelt });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toMatch(/^workflow\.nodes\[1\]\.agentConfg: unknown field "agentConfg" \(a node takes nodeId, nodeType, /);
    expect(await call('GET', '/task/123456789/nodes')).toEqual({ status: 404, body: { code: 404, message: 'There is no task 123456789', data: null, error: expect.objectContaining({ code: 'NOT_FOUND' }) as unknown } });
  });

  it('lets a viewer read but not create, and refuses a request without a token', async () => {
    expect((await call('GET', '/task/list', { token: VIEWER })).status).toBe(200);
    const before = (await call<{ tasks: unknown[] }>('GET', '/task/list')).body.data.tasks.length;
    const refused = await call('POST', '/task/create', { token: VIEWER, body: runnableDesignBody() });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 403, data: null, error: { code: 'FORBIDDEN' } });
    expect((await call<{ tasks: unknown[] }>('GET', '/task/list')).body.data.tasks.length).toBe(before);
    const anonymous = await call('GET', '/task/list', { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 401, data: null, error: { code: 'UNAUTHENTICATED' } });
  });
});
