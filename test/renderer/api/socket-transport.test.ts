import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketTransport, type SocketTransport } from '../../../src/renderer/src/api/socket-transport';
import { createConsoleClient } from '../../../src/shared/api/client';
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
