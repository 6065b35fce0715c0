import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketTransport, type SocketTransport, type SocketTransportTiming } from '../../../src/renderer/src/api/socket-transport';
import { createConsoleClient } from '../../../src/shared/api/client';
import { HOST_SOCKET } from '../../../src/shared/api/host-protocol';
import { startHeadlessHost, type HeadlessHost } from '../../../src/main/core/host/headless-host';
import type { ConsoleRuntime } from '../../../src/main/core/runtime';
import { startTestRuntime } from '../../helpers/console-runtime';
import { useTempDirs } from '../../helpers/temp';

const OPERATOR = 'operator-token-0123456789';
const tempDir = useTempDirs();

let runtime: ConsoleRuntime;
let host: HeadlessHost;
let transport: SocketTransport | undefined;

beforeEach(async () => {
  runtime = await startTestRuntime(tempDir());
  host = await startHeadlessHost({ apiFor: (session) => runtime.apiFor(session.operator, session.role), events: runtime.events, tokens: { operator: OPERATOR, viewer: 'viewer-token-0123456789ab' } });
});
afterEach(async () => {
  transport?.close();
  transport = undefined;
  await host.close();
  await runtime.close();
});

describe('the browser transport', () => {
  it('tells subscribers that events may have been lost when the connection comes back, and keeps their streams', async () => {
    transport = createSocketTransport(host.url, OPERATOR);
    const socket = transport.socket;
    const received: unknown[] = [];
    let gaps = 0;
    let gapsAfterUnsubscribe = 0;
    transport.subscribe('engineStatus', (payload) => received.push(payload), () => gaps++);
    const off = transport.subscribe('alert', () => undefined, () => gapsAfterUnsubscribe++);
    off();
    await vi.waitFor(() => expect(socket.connected).toBe(true));
    await transport.call('getAppStatus', []);
    expect(gaps).toBe(0);

    socket.io.engine.close();
    await vi.waitFor(() => expect(gaps).toBe(1), { timeout: 10_000 });
    expect(gapsAfterUnsubscribe).toBe(0);
    await transport.call('getAppStatus', []);
    // The Engine's own state changes (latency, load) come on this stream too; the empty list is ours.
    runtime.events.emit('engineStatus', []);
    await vi.waitFor(() => expect(received).toContainEqual([]));
  });

  it('brings the reason of a refusal to the window, the session’s own refusals included', async () => {
    transport = createSocketTransport(host.url, 'viewer-token-0123456789ab');
    const viewer = createConsoleClient(transport);
    await expect(viewer.getTask('999')).rejects.toMatchObject({ name: 'ApiError', code: 'NOT_FOUND', reason: { key: 'task.notFound', params: { taskId: '999' } } });
    await expect(viewer.pauseTask('999')).rejects.toMatchObject({ code: 'FORBIDDEN', reason: { key: 'method.forbiddenForViewer', params: { method: 'pauseTask' } } });
    transport.close();

    transport = createSocketTransport(host.url, 'not-the-token');
    await expect(createConsoleClient(transport).getAppStatus()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: { key: 'session.refused' } });
  });
});

const FAST: SocketTransportTiming = { callTimeoutMs: 30_000, heartbeatMs: 150, heartbeatTimeoutMs: 300, reconnectMaxMs: 300 };

describe('the browser transport’s link to its host', () => {
  it('says the link is lost when the host goes away, fails calls at once meanwhile, and comes back by itself when the host is back', async () => {
    transport = createSocketTransport(host.url, OPERATOR, undefined, FAST);
    const client = createConsoleClient(transport);
    let gaps = 0;
    const off = transport.subscribe('engineStatus', () => undefined, () => gaps++);
    await vi.waitFor(() => expect(transport!.connection.get()).toMatchObject({ phase: 'connected', latencyMs: expect.any(Number) }));
    const port = host.port;

    await host.close();
    await vi.waitFor(() => expect(transport!.connection.get()).toMatchObject({ phase: 'lost', lastContact: expect.any(Number) }));
    await expect(client.listTasks()).rejects.toMatchObject({ code: 'UNAVAILABLE', reason: { key: 'host.unreachable', params: { method: 'listTasks' } } });
    await vi.waitFor(() => expect(transport!.connection.get().attempts).toBeGreaterThan(0), { timeout: 5000 });

    host = await startHeadlessHost({ apiFor: (session) => runtime.apiFor(session.operator, session.role), events: runtime.events, tokens: { operator: OPERATOR }, port });
    await vi.waitFor(() => expect(transport!.connection.get()).toMatchObject({ phase: 'connected', attempts: 0, detail: null }), { timeout: 10_000 });
    expect(gaps).toBe(1);
    await expect(client.listTasks()).resolves.toEqual([]);
    off();
  });

  it('takes a host that stops answering for a lost one, and fails the calls waiting on it without waiting for their timeout', async () => {
    const http = createServer();
    const silent = new SocketServer(http);
    silent.on('connection', () => undefined);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      transport = createSocketTransport(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, OPERATOR, undefined, FAST);
      await vi.waitFor(() => expect(transport!.connection.get().phase).toBe('connected'));
      const waiting = createConsoleClient(transport).startTask('1');
      await expect(waiting).rejects.toMatchObject({ code: 'UNAVAILABLE', reason: { key: 'host.lost', params: { method: 'startTask' } } });
      expect(transport.connection.get()).toMatchObject({ phase: 'lost', detail: 'no answer to the heartbeat within 300 ms' });
    } finally {
      transport?.close();
      await new Promise<void>((resolve) => void silent.close(() => resolve()));
    }
  });

  it('does not take a page too busy to read the heartbeat’s answer for a lost host', async () => {
    transport = createSocketTransport(host.url, OPERATOR, undefined, FAST);
    let gaps = 0;
    transport.subscribe('engineStatus', () => undefined, () => gaps++);
    await vi.waitFor(() => expect(transport!.connection.get()).toMatchObject({ phase: 'connected', latencyMs: expect.any(Number) }));
    // The page stalls just as a heartbeat leaves, so its timeout is overdue before the answer can come.
    let stalls = 0;
    transport.socket.onAnyOutgoing((event: string) => {
      if (event !== HOST_SOCKET.ping || stalls >= 2) return;
      stalls += 1;
      const until = Date.now() + FAST.heartbeatTimeoutMs + 800;
      while (Date.now() < until) {
        // busy, as a page drawing a very large view is
      }
    });
    await vi.waitFor(() => expect(stalls).toBe(2), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, FAST.heartbeatMs * 3));
    expect(transport.connection.get().phase).toBe('connected');
    expect(gaps).toBe(0);
  });

  it('says the session is refused, and does not retry, when the host turns its token away', async () => {
    transport = createSocketTransport(host.url, 'not-the-token', undefined, FAST);
    await vi.waitFor(() => expect(transport!.connection.get()).toMatchObject({ phase: 'refused', detail: expect.stringMatching(/unauthorized/) }));
    expect(transport.socket.active).toBe(false);
  });
});
