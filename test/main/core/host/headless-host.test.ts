import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_SOCKET } from '../../../../src/shared/api/host-protocol';
import type { CallResult } from '../../../../src/shared/api/errors';
import { startHeadlessHost, type HeadlessHost } from '../../../../src/main/core/host/headless-host';
import { createConsoleService } from '../../../../src/main/core/service/console-service';
import { EventHub } from '../../../../src/main/core/service/event-hub';
import type { Store } from '../../../../src/main/core/store/store';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const tempDir = useTempDirs();

let store: Store;
let host: HeadlessHost | undefined;
const sockets: Socket[] = [];

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await host?.close();
  host = undefined;
  store.close();
});

async function start(staticDir?: string): Promise<HeadlessHost> {
  const api = createConsoleService({ store, appName: 'Deduction Console', version: '9.9.9' });
  host = await startHeadlessHost({ api, events: new EventHub(), tokens: { operator: OPERATOR, viewer: VIEWER }, staticDir });
  return host;
}

function open(url: string, token?: string): Promise<Socket> {
  const socket = connect(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false });
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
  it('serves the ConsoleApi to a client holding the operator or the viewer token', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const token of [OPERATOR, VIEWER]) {
      const socket = await open(url, token);
      const outcome = await call(socket, 'getAppStatus', []);
      expect(outcome).toMatchObject({ ok: true, result: { appName: 'Deduction Console', version: '9.9.9', store: { schemaVersion: 1 } } });
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

  it('refuses to bind beyond loopback unless asked to, and refuses a short operator token', async () => {
    const api = createConsoleService({ store, appName: 'x', version: '1' });
    await expect(startHeadlessHost({ api, events: new EventHub(), tokens: { operator: OPERATOR }, host: '0.0.0.0' })).rejects.toThrow(
      /beyond loopback needs the explicit allow-remote option/,
    );
    await expect(startHeadlessHost({ api, events: new EventHub(), tokens: { operator: 'short' } })).rejects.toThrow(/at least 16 characters/);
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
