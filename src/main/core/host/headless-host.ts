import { createServer, type Server as HttpServer } from 'node:http';
import { Server as SocketServer, type Socket } from 'socket.io';
import { isConsoleEvent, isConsoleMethod, type ConsoleApi, type ConsoleEventName, type ConsoleEvents } from '../../../shared/api/contract';
import { argsFromWire, HOST_SOCKET } from '../../../shared/api/host-protocol';
import { listenOn } from '../../../shared/listen';
import { consoleLogger, type Logger } from '../../../shared/logger';
import { dispatch, type Role } from '../service/dispatch';
import { credentialForToken, hostCredentials, type HostTokens } from './auth';
import { dropOnProtocolError, setFrameLimit } from './frame-limit';
import { LoginLimiter, type LoginLimiterOptions } from './login-limiter';
import { normalizeOrigin, originAllowed } from './origin-check';
import { createRestHandler, isRestRequest } from './rest/rest-handler';
import { SessionLimits, type SessionLimitOptions } from './session-limits';
import { createStaticHandler } from './static-files';

export interface HostSession {
  role: Role;
  /** The name bound to the session's token, recorded with its controls (never what the browser says it is). */
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
  /** Largest message an authenticated browser, or REST request body, may send (a whole imported workflow fits). */
  maxMessageBytes?: number;
  /** Largest message before the token is checked: the handshake and little else. */
  maxUnauthenticatedBytes?: number;
  /** Pages on other origins allowed to open the socket (scheme://host[:port]); the host's own origin always is. */
  allowedOrigins?: readonly string[];
  /** How long a connection may stay without presenting its token. */
  handshakeTimeoutMs?: number;
  loginLimits?: Omit<LoginLimiterOptions, 'log'>;
  sessionLimits?: SessionLimitOptions;
  logger?: Logger;
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
 * Serves the ConsoleApi over socket.io and as the REST API under /api/v1/deduction/, and the
 * built renderer as static files, so a browser can watch (viewer) or drive (operator) a live
 * deduction and other systems can create and follow tasks.
 */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowRemote) {
    throw new Error(`refusing to serve the console on ${host}: binding beyond loopback needs the explicit allow-remote option`);
  }
  const credentials = hostCredentials(options.tokens);
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map(normalizeOrigin));
  const logger = options.logger ?? consoleLogger;
  const logins = new LoginLimiter({ ...options.loginLimits, log: (line) => logger.warn(line) });
  const maxMessageBytes = options.maxMessageBytes ?? 64 * 1024 * 1024;
  const staticHandler = options.staticDir ? createStaticHandler(options.staticDir) : undefined;
  const restHandler = createRestHandler({
    credentials,
    logins,
    apiFor: options.apiFor,
    maxBodyBytes: maxMessageBytes,
    ...(options.sessionLimits && { sessionLimits: options.sessionLimits }),
    logger,
  });
  const http: HttpServer = createServer((request, response) => {
    if (isRestRequest(request.url)) restHandler(request, response);
    else if (staticHandler) staticHandler(request, response);
    else response.writeHead(404).end();
  });
  const io = new SocketServer(http, {
    // One limit for every connection: the small one. An authenticated connection gets the larger one (frame-limit.ts).
    maxHttpBufferSize: options.maxUnauthenticatedBytes ?? 64 * 1024,
    // Polling would buffer request bodies under that same single limit, and every client of the host uses WebSocket.
    transports: ['websocket'],
    connectTimeout: options.handshakeTimeoutMs ?? 10_000,
    serveClient: false,
    cors: { origin: false },
    allowRequest: (request, callback) => {
      if (!originAllowed(request, allowedOrigins)) {
        callback(`origin ${request.headers.origin ?? ''} is not allowed (serve with --allow-origin to allow it)`, false);
        return;
      }
      const verdict = logins.check(request.socket.remoteAddress ?? 'unknown');
      if (!verdict.allowed) callback(`too many failed logins; try again in ${Math.ceil(verdict.retryAfterMs / 1000)} s`, false);
      else callback(null, true);
    },
  });
  io.engine.on('connection', dropOnProtocolError);
  io.use((socket, next) => {
    const address = socket.handshake.address;
    const refused = logins.check(address);
    if (!refused.allowed) {
      next(new Error(`unauthorized: too many failed logins; try again in ${Math.ceil(refused.retryAfterMs / 1000)} s`));
      return;
    }
    const credential = credentialForToken((socket.handshake.auth as { token?: unknown } | undefined)?.token, credentials);
    if (!credential) {
      logins.failed(address);
      next(new Error('unauthorized: a valid token is required'));
      return;
    }
    logins.succeeded(address);
    try {
      setFrameLimit(socket.conn, maxMessageBytes);
    } catch (error) {
      next(error as Error);
      return;
    }
    socket.data = { role: credential.role, operator: credential.name } satisfies HostSession;
    next();
  });
  io.on('connection', (socket) => serveSocket(socket, options));

  const port = await listenOn(http, options.port ?? 0, host);
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
  const limits = new SessionLimits(options.sessionLimits);
  socket.on(HOST_SOCKET.call, (method: unknown, args: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const received = isConsoleMethod(method) && Array.isArray(args) ? argsFromWire(method, args) : args;
    void limits.run(method, () => dispatch(api, method, received, session.role)).then((outcome) => ack(outcome));
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
