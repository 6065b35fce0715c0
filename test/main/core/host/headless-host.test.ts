import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_METHOD_NAMES, CONSOLE_METHODS } from '../../../../src/shared/api/contract';
import { HOST_SOCKET } from '../../../../src/shared/api/host-protocol';
import type { CallResult } from '../../../../src/shared/api/errors';
import type { HostTokens } from '../../../../src/main/core/host/auth';
import { startHeadlessHost, type HeadlessHost, type HostSession } from '../../../../src/main/core/host/headless-host';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { EventHub } from '../../../../src/main/core/service/event-hub';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';
import { SCHEMA_VERSION } from '../../../helpers/store';

const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const tempDir = useTempDirs();

let runtime: ConsoleRuntime;
let host: HeadlessHost | undefined;
const sockets: Socket[] = [];
const sessions: HostSession[] = [];

beforeEach(async () => {
  runtime = await startTestRuntime(tempDir());
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await host?.close();
  host = undefined;
  sessions.splice(0);
  await runtime.close();
});

async function start(staticDir?: string, tokens: HostTokens = { operator: OPERATOR, viewer: VIEWER }): Promise<HeadlessHost> {
  const apiFor = (session: HostSession) => {
    sessions.push(session);
    return runtime.apiFor(session.operator, session.role);
  };
  host = await startHeadlessHost({ apiFor, events: runtime.events, tokens, staticDir });
  return host;
}

function open(url: string, token?: string, operator?: string): Promise<Socket> {
  const auth = { ...(token === undefined ? {} : { token }), ...(operator === undefined ? {} : { operator }) };
  const socket = connect(url, { auth, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function call(socket: Socket, method: unknown, args: unknown[]): Promise<CallResult> {
  return new Promise((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve));
}

describe('headless host', () => {
  it('serves the ConsoleApi to a client holding the operator or the viewer token, and tells each its role', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [token, role] of [
      [OPERATOR, 'operator'],
      [VIEWER, 'viewer'],
    ] as const) {
      const socket = await open(url, token);
      const outcome = await call(socket, 'getAppStatus', []);
      expect(outcome).toMatchObject({ ok: true, result: { appName: 'Deduction Console', version: 'test', store: { schemaVersion: SCHEMA_VERSION }, session: { role } } });
    }
  });

  it('refuses a connection without a token or with a wrong one', async () => {
    const { url } = await start();
    await expect(open(url)).rejects.toThrow(/unauthorized/);
    await expect(open(url, 'not-the-token-at-all')).rejects.toThrow(/unauthorized/);
    await expect(open(url, OPERATOR.slice(0, -1))).rejects.toThrow(/unauthorized/);
  });

  it('answers unknown methods and malformed arguments with a coded error, and keeps serving', async () => {
    const { url } = await start();
    const socket = await open(url, OPERATOR);
    expect(await call(socket, 'dropAllTables', [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call(socket, '__proto__', [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call(socket, 'getAppStatus', ['unexpected'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call(socket, 'getAppStatus', [])).toMatchObject({ ok: true });
  });

  it('takes an optional argument left out by a browser (sent as null) as absent, and still refuses null where one is required', async () => {
    const { url } = await start();
    const socket = await open(url, OPERATOR);
    const created = await call(socket, 'createTask', [{ name: 'w', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }] }, undefined]);
    expect(created).toMatchObject({ ok: true });
    const taskId = (created as { result: { task_id: string } }).result.task_id;
    expect(await call(socket, 'listExecutions', [taskId, undefined])).toMatchObject({ ok: true, result: [] });
    expect(await call(socket, 'queryNodes', [taskId, null])).toMatchObject({ ok: true, result: [{ nodeId: 'root' }] });
    expect(await call(socket, 'listTasks', [undefined])).toMatchObject({ ok: true, result: [{ taskId }] });
    // stopNode's reason left out is no refusal of the argument: the node simply is not running.
    const stopped = await call(socket, 'stopNode', [taskId, 'root', undefined]);
    expect(stopped).not.toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect(await call(socket, 'getTask', [null])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call(socket, 'decideManual', [taskId, 'root', null])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('answers the browser heartbeat', async () => {
    const { url } = await start();
    const socket = await open(url, VIEWER);
    await expect(socket.timeout(5000).emitWithAck(HOST_SOCKET.ping)).resolves.toBeUndefined();
  });

  it('refuses to bind beyond loopback unless asked to, and refuses a short operator or viewer token', async () => {
    const apiFor = () => runtime.api;
    await expect(startHeadlessHost({ apiFor, events: new EventHub(), tokens: { operator: OPERATOR }, host: '0.0.0.0' })).rejects.toThrow(
      /beyond loopback needs the explicit allow-remote option/,
    );
    await expect(startHeadlessHost({ apiFor, events: new EventHub(), tokens: { operator: 'short' } })).rejects.toThrow(/at least 16 characters/);
    await expect(startHeadlessHost({ apiFor, events: new EventHub(), tokens: { operator: OPERATOR, viewer: 'a' } })).rejects.toThrow(/viewer token .*at least 16 characters/);
    await expect(startHeadlessHost({ apiFor, events: new EventHub(), tokens: { operator: OPERATOR, viewer: OPERATOR } })).rejects.toThrow(/given twice/);
  });

  it('refuses every control method to a viewer, and records the name bound to the token, not the one a browser claims', async () => {
    const { url } = await start(undefined, { operator: OPERATOR, operatorName: '李四', viewer: VIEWER });
    const viewer = await open(url, VIEWER);
    for (const method of CONSOLE_METHOD_NAMES.filter((name) => CONSOLE_METHODS[name].kind === 'control')) {
      const outcome = await call(viewer, method, []);
      expect({ method, outcome }).toMatchObject({ method, outcome: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    expect(await call(viewer, 'listTasks', [])).toMatchObject({ ok: true, result: [] });
    const operator = await open(url, OPERATOR, 'admin');
    const created = await call(operator, 'createTask', [{ name: 'w', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }] }]);
    expect(created).toMatchObject({ ok: true });
    expect(sessions.map((session) => [session.role, session.operator])).toContainEqual(['operator', '李四']);
    expect(sessions.map((session) => session.operator)).not.toContain('admin');
    const tasks = await call(viewer, 'listTasks', []);
    expect(tasks).toMatchObject({ ok: true, result: [{ createdBy: '李四' }] });
  });

  it('lets a viewer remark on a task under its own name (bookmarks), and take back only its own', async () => {
    const { url } = await start(undefined, { operator: OPERATOR, operatorName: '李四', viewer: VIEWER, viewerName: 'observer' });
    const viewer = await open(url, VIEWER, 'someone else');
    const operator = await open(url, OPERATOR);
    const created = await call(operator, 'createTask', [{ name: 'w', nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }] }]);
    const taskId = (created as { result: { task_id: string } }).result.task_id;
    // A key left undefined does not travel at all; an explicit null is not "left out" and is refused by path.
    expect(await call(viewer, 'addBookmark', [taskId, { kind: 'annotation', taskTimeMs: 1200, text: 'x', nodeId: null }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('nodeId') } });
    const mark = await call(viewer, 'addBookmark', [taskId, { kind: 'annotation', taskTimeMs: 1200, text: 'blue is late', nodeId: undefined }]);
    expect(mark).toMatchObject({ ok: true, result: { author: 'observer', text: 'blue is late' } });
    const theirs = await call(operator, 'addBookmark', [taskId, { kind: 'bookmark', taskTimeMs: 10, text: 'start' }]);
    const theirsId = (theirs as { result: { bookmarkId: string } }).result.bookmarkId;
    expect(await call(viewer, 'deleteBookmark', [taskId, theirsId])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(viewer, 'deleteBookmark', [taskId, (mark as { result: { bookmarkId: string } }).result.bookmarkId])).toMatchObject({ ok: true });
    expect(await call(viewer, 'listBookmarks', [taskId])).toMatchObject({ ok: true, result: [{ author: '李四', text: 'start' }] });
  });

  it('forwards the event streams a client subscribes to, and stops when it unsubscribes', async () => {
    const { url } = await start();
    const socket = await open(url, VIEWER);
    const received: unknown[] = [];
    socket.on(HOST_SOCKET.event, (event: string, payload: unknown) => received.push([event, payload]));
    socket.emit(HOST_SOCKET.subscribe, 'engineStatus');
    socket.emit(HOST_SOCKET.subscribe, 'noSuchStream');
    await call(socket, 'getAppStatus', []);
    runtime.events.emit('engineStatus', []);
    await vi.waitFor(() => expect(received).toEqual([['engineStatus', []]]));
    socket.emit(HOST_SOCKET.unsubscribe, 'engineStatus');
    await call(socket, 'getAppStatus', []);
    runtime.events.emit('engineStatus', []);
    await call(socket, 'getAppStatus', []);
    expect(received).toHaveLength(1);
  });

  it('serves the built renderer with a strict policy, and nothing outside its folder', async () => {
    const root = tempDir();
    const dist = join(root, 'renderer');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    const { url } = await start(dist);
    const index = await fetch(`${url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await index.text()).toContain('<title>console</title>');
    const script = await fetch(`${url}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/text\/javascript/);
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const response = await fetch(`${url}${escape}`);
      expect({ escape, status: response.status }).toEqual({ escape, status: 404 });
    }
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  });
});
