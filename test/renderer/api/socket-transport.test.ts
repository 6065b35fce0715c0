import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketTransport, type SocketTransport } from '../../../src/renderer/src/api/socket-transport';
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
    runtime.events.emit('engineStatus', []);
    await vi.waitFor(() => expect(received).toEqual([[]]));
  });
});
