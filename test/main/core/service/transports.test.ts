import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleClient, type ConsoleTransport } from '../../../../src/shared/api/client';
import { CONSOLE_METHOD_NAMES, type ConsoleApi, type ConsoleClient, type ConsoleMethodName } from '../../../../src/shared/api/contract';
import type { CallResult } from '../../../../src/shared/api/errors';
import { HOST_SOCKET } from '../../../../src/shared/api/host-protocol';
import { startHeadlessHost, type HeadlessHost } from '../../../../src/main/core/host/headless-host';
import { createConsoleService } from '../../../../src/main/core/service/console-service';
import { EventHub } from '../../../../src/main/core/service/event-hub';
import type { Store } from '../../../../src/main/core/store/store';
import { registerConsoleApi } from '../../../../src/main/ipc';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

/**
 * One sample call per ConsoleApi method. The type makes a missing method a compile error,
 * and the test below calls each one through every transport and compares with the core.
 */
type SampleCalls = { [K in ConsoleMethodName]: (context: { taskId: string }) => Parameters<ConsoleApi[K]> };

const SAMPLE_CALLS: SampleCalls = {
  getAppStatus: () => [],
  queryLogs: ({ taskId }) => [{ taskId, search: 'bridge' }],
  getResourceSeries: ({ taskId }) => [{ scope: 'node', taskId, nodeId: 'a', points: 10 }],
  getProgressSeries: ({ taskId }) => [{ taskId, points: 10 }],
};

const TOKEN = 'transport-test-token-0123456789';
let store: Store;
let core: ConsoleApi;
let host: HeadlessHost;
let socket: Socket;
let taskId: string;
const clients: Record<string, ConsoleClient> = {};

function socketTransport(): ConsoleTransport {
  return {
    call: (method, args) => new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve)),
    subscribe: () => () => undefined,
  };
}

/** Electron's ipcMain and ipcRenderer.invoke, reduced to the request/response they perform. */
function ipcTransport(api: ConsoleApi): ConsoleTransport {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<CallResult>>();
  const sender = { mainFrame: {} };
  const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler), on: () => undefined };
  registerConsoleApi(ipcMain as never, api, new EventHub(), (event) => (event as { sender: unknown }).sender === sender);
  return {
    call: (method, args) => handlers.get(`console:${method}`)!({ sender, senderFrame: sender.mainFrame }, ...structuredClone(args)),
    subscribe: () => () => undefined,
  };
}

beforeAll(async () => {
  store = await openTestStore();
  taskId = insertTask(store);
  insertNode(store, taskId, 'root', { type: 'container' });
  insertNode(store, taskId, 'a', { parent: 'root' });
  store.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, message, log_time, created_at) VALUES (?, 'a', 'holding the bridge', 1, 1)`).run(BigInt(taskId));
  store.db.prepare(`INSERT INTO resource_sample (task_id, node_id, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, 'a', 'e', 5, 10, 1)`).run(BigInt(taskId));
  core = createConsoleService({ store, appName: 'Deduction Console', version: '1.0.0' });
  host = await startHeadlessHost({ api: core, events: new EventHub(), tokens: { operator: TOKEN } });
  socket = connect(host.url, { auth: { token: TOKEN }, transports: ['websocket'] });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  clients['websocket'] = createConsoleClient(socketTransport());
  clients['ipc'] = createConsoleClient(ipcTransport(core));
});

afterAll(async () => {
  socket.close();
  await host.close();
  store.close();
});

describe('every ConsoleApi method through every transport', () => {
  it('has a sample call for each method of the contract', () => {
    expect(Object.keys(SAMPLE_CALLS).sort()).toEqual([...CONSOLE_METHOD_NAMES].sort());
  });

  for (const transport of ['websocket', 'ipc']) {
    for (const method of CONSOLE_METHOD_NAMES) {
      it(`${method} over ${transport} answers as the core does`, async () => {
        const args = SAMPLE_CALLS[method]({ taskId }) as unknown[];
        const call = (api: ConsoleApi) => (api[method] as (...callArgs: unknown[]) => Promise<unknown>)(...args);
        const expected = JSON.parse(JSON.stringify(await call(core))) as unknown;
        expect(await call(clients[transport]!)).toEqual(expected);
      });
    }
  }

  it('carries a refusal as a coded ApiError through both transports', async () => {
    for (const client of Object.values(clients)) {
      await expect(client.queryLogs({ taskId: 'not-an-id' })).rejects.toMatchObject({ name: 'ApiError', code: 'INVALID_ARGUMENT' });
    }
  });
});
