import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_SOCKET } from '../../../../src/shared/api/host-protocol';
import type { CallResult } from '../../../../src/shared/api/errors';
import type { ConsoleApi } from '../../../../src/shared/api/contract';
import type { Logger } from '../../../../src/shared/logger';
import { startHeadlessHost, type HeadlessHost, type HeadlessHostOptions } from '../../../../src/main/core/host/headless-host';
import { EventHub } from '../../../../src/main/core/service/event-hub';

const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const MB = 1024 * 1024;

let host: HeadlessHost | undefined;
const sockets: Socket[] = [];
const raw: TcpSocket[] = [];
const logged: string[] = [];
const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (line) => logged.push(line), error: (line) => logged.push(line) };

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const socket of raw.splice(0)) socket.destroy();
  await host?.close();
  host = undefined;
  logged.splice(0);
});

/** Answers importWorkflow with the size of what it got, and exportWorkflow after a while. */
const api = {
  importWorkflow: async ({ text }: { text: string }) => ({ ok: true, definition: { name: `${text.length}`, nodes: [] }, problems: [] }),
  exportWorkflow: () => new Promise((resolve) => setTimeout(() => resolve('{}'), 300)),
  listTasks: async () => [],
} as unknown as ConsoleApi;

async function start(options: Partial<HeadlessHostOptions> = {}): Promise<HeadlessHost> {
  host = await startHeadlessHost({ apiFor: () => api, events: new EventHub(), tokens: { operator: OPERATOR, viewer: VIEWER }, logger, ...options });
  return host;
}

type Attempt = { connected: true; socket: Socket } | { connected: false; error: string };

function attempt(url: string, token: string, extraHeaders?: Record<string, string>): Promise<Attempt> {
  const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false, ...(extraHeaders ? { extraHeaders } : {}) });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true, socket }));
    socket.once('connect_error', (error) => {
      socket.close();
      resolve({ connected: false, error: error.message });
    });
  });
}

function call(socket: Socket, method: string, args: unknown[]): Promise<CallResult> {
  return new Promise((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve));
}

/** A WebSocket opened by hand, without a token, that announces one huge frame and streams it. */
function floodWithoutToken(port: number, frameBytes: number): Promise<{ closed: boolean }> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    raw.push(socket);
    let upgraded = false;
    let received = '';
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ closed: true }));
    socket.write(
      'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    socket.on('data', (data: Buffer) => {
      if (upgraded) return;
      received += data.toString('latin1');
      if (!received.includes('\r\n\r\n')) return;
      upgraded = true;
      expect(received).toMatch(/^HTTP\/1\.1 101/);
      // A masked binary frame with a 64-bit length and a zero mask: its payload is sent as is.
      const header = Buffer.alloc(14);
      header[0] = 0x82;
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(frameBytes), 2);
      socket.write(header);
      const chunk = Buffer.alloc(MB);
      let sent = 0;
      const pump = (): void => {
        while (sent < frameBytes && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  });
}

describe('headless host: checks before it spends', () => {
  it('drops 10 unauthenticated sockets that each send a 60 MB frame, without buffering them', async () => {
    const { port } = await start();
    await Promise.all(Array.from({ length: 2 }, () => floodWithoutToken(port, 2 * MB)));
    const before = process.memoryUsage().rss;
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => floodWithoutToken(port, 60 * MB)));
    expect(outcomes).toEqual(Array.from({ length: 10 }, () => ({ closed: true })));
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * MB);
  });

  it('takes a large message once the token is checked, and still bounds it', async () => {
    const { url } = await start({ maxMessageBytes: 4 * MB });
    const outcome = await attempt(url, OPERATOR);
    if (!outcome.connected) throw new Error(outcome.error);
    const text = 'x'.repeat(2 * MB);
    expect(await call(outcome.socket, 'importWorkflow', [{ fileName: 'big.json', text }])).toMatchObject({ ok: true, result: { definition: { name: `${text.length}` } } });
    const tooBig = new Promise((resolve) => outcome.socket.once('disconnect', resolve));
    outcome.socket.emit(HOST_SOCKET.call, 'importWorkflow', [{ fileName: 'huge.json', text: 'x'.repeat(5 * MB) }], () => undefined);
    await expect(tooBig).resolves.toBe('transport close');
  });

  it('refuses 1,000 failed logins from one address, logs the burst once, and lets the address in again later', async () => {
    const { url } = await start({ loginLimits: { maxFailures: 5, blockMs: 400, windowMs: 60_000 } });
    const outcomes: Attempt[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      outcomes.push(...(await Promise.all(Array.from({ length: 50 }, (_, index) => attempt(url, `wrong-token-${batch}-${index}-padding`)))));
    }
    expect(outcomes.filter((outcome) => outcome.connected)).toHaveLength(0);
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThanOrEqual(2);
    expect(logged[0]).toMatch(/failed logins from .*127\.0\.0\.1.*refusing it/);
    // While the burst goes on, even the right token is turned away.
    expect(await attempt(url, OPERATOR)).toMatchObject({ connected: false });
    await expect
      .poll(async () => (await attempt(url, OPERATOR)).connected, { timeout: 30_000, interval: 500 })
      .toBe(true);
  });

  it('refuses a WebSocket from a page on another origin unless that origin is allowed', async () => {
    const { url, port } = await start({ allowedOrigins: ['https://console.example.org'] });
    expect(await attempt(url, OPERATOR, { origin: 'http://evil.example' })).toMatchObject({ connected: false });
    expect(await attempt(url, OPERATOR, { origin: `http://127.0.0.1:${port}` })).toMatchObject({ connected: true });
    expect(await attempt(url, OPERATOR, { origin: 'https://console.example.org' })).toMatchObject({ connected: true });
    expect(await attempt(url, OPERATOR)).toMatchObject({ connected: true });
  });

  it('refuses an allowed origin that is not one', async () => {
    await expect(start({ allowedOrigins: ['console.example.org'] })).rejects.toThrow(/allowed origin "console.example.org" is not a URL/);
  });

  it("limits one session's heavy calls to one at a time, and answers it otherwise", async () => {
    const { url } = await start();
    const outcome = await attempt(url, VIEWER);
    if (!outcome.connected) throw new Error(outcome.error);
    const definition = { name: 'w', nodes: [] };
    const [first, second, list] = await Promise.all([
      call(outcome.socket, 'exportWorkflow', [{ definition, format: 'json' }]),
      call(outcome.socket, 'exportWorkflow', [{ definition, format: 'json' }]),
      call(outcome.socket, 'listTasks', []),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/heavy call/) } });
    expect(list).toMatchObject({ ok: true, result: [] });
  });
});
