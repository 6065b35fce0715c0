import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer, type Socket } from 'socket.io';
import { isConsoleEvent, isConsoleMethod, type ConsoleApi, type ConsoleEventName, type ConsoleEvents } from '../../../shared/api/contract';
import { argsFromWire, HOST_SOCKET } from '../../../shared/api/host-protocol';
import { dispatch, type Role } from '../service/dispatch';
import { roleForToken, type HostTokens } from './auth';
import { createStaticHandler } from './static-files';

export interface HostSession {
  role: Role;
  /** The name a browser gave in its handshake, recorded with its controls. */
  operator: string;
}

export interface HeadlessHostOptions {
  /** The API a session acts through (bound to its operator's name). */
  apiFor: (session: HostSession) => ConsoleApi;
  events: ConsoleEvents;
  tokens: HostTokens;
  /** Folder of the built renderer; without it only the socket is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  /** Binding to anything but loopback exposes the console to the network: it must be asked for. */
  allowRemote?: boolean;
  /** Largest message a browser may send (a whole imported workflow fits). */
  maxMessageBytes?: number;
}

export interface HeadlessHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/**
 * Serves the ConsoleApi over socket.io, and the built renderer as static files, so a browser
 * can watch (viewer) or drive (operator) a live deduction.
 */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowRemote) {
    throw new Error(`refusing to serve the console on ${host}: binding beyond loopback needs the explicit allow-remote option`);
  }
  if (options.tokens.operator.length < 16) throw new Error('the operator token must be at least 16 characters');
  const staticHandler = options.staticDir ? createStaticHandler(options.staticDir) : undefined;
  const http: HttpServer = createServer((request, response) => {
    if (staticHandler) staticHandler(request, response);
    else response.writeHead(404).end();
  });
  const io = new SocketServer(http, {
    maxHttpBufferSize: options.maxMessageBytes ?? 64 * 1024 * 1024,
    serveClient: false,
    cors: { origin: false },
  });
  io.use((socket, next) => {
    const role = roleForToken((socket.handshake.auth as { token?: unknown } | undefined)?.token, options.tokens);
    if (!role) {
      next(new Error('unauthorized: a valid token is required'));
      return;
    }
    const operator = (socket.handshake.auth as { operator?: unknown } | undefined)?.operator;
    socket.data = {
      role,
      operator: typeof operator === 'string' && operator.trim() !== '' ? operator.trim().slice(0, 200) : `${role}@${socket.handshake.address}`,
    } satisfies HostSession;
    next();
  });
  io.on('connection', (socket) => serveSocket(socket, options));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        void io.close(() => resolve());
      }),
  };
}

function serveSocket(socket: Socket, options: HeadlessHostOptions): void {
  const session = socket.data as HostSession;
  const api = options.apiFor(session);
  const subscriptions = new Map<ConsoleEventName, () => void>();
  socket.on(HOST_SOCKET.call, (method: unknown, args: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const received = isConsoleMethod(method) && Array.isArray(args) ? argsFromWire(method, args) : args;
    void dispatch(api, method, received, session.role).then((outcome) => ack(outcome));
  });
  socket.on(HOST_SOCKET.ping, (ack: unknown) => {
    if (typeof ack === 'function') ack();
  });
  socket.on(HOST_SOCKET.subscribe, (event: unknown) => {
    if (!isConsoleEvent(event) || subscriptions.has(event)) return;
    subscriptions.set(
      event,
      options.events.subscribe(event, (payload) => socket.emit(HOST_SOCKET.event, event, payload)),
    );
  });
  socket.on(HOST_SOCKET.unsubscribe, (event: unknown) => {
    if (!isConsoleEvent(event)) return;
    subscriptions.get(event)?.();
    subscriptions.delete(event);
  });
  socket.on('disconnect', () => {
    for (const end of subscriptions.values()) end();
    subscriptions.clear();
  });
}
