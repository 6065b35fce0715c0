import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { hostname } from 'node:os';
import { Server as SocketServer, type Socket } from 'socket.io';
import { ENGINE_FEATURES, ENGINE_LIMITS, ENGINE_PROTOCOL_VERSION, ENGINE_SOCKET, eventAckSchema, NODE_ERROR_CODES, type AgentCatalogEntry, type EngineEvent } from '../shared/engine/protocol';
import { consoleLogger, type Logger } from '../shared/logger';
import { listenOn } from '../shared/listen';
import { loadCatalog, shippedCatalogDir } from './catalog';
import { handleCommand, type CommandContext } from './commands';
import { NO_COMMANDS_POLICY, type CommandPolicy } from './command-policy';
import { Containers } from './containers';
import { EventStreams } from './event-streams';
import { checkHandshake, HandshakeRefused } from './handshake';
import { HostSampler } from './host-sampler';
import { NodeRuns } from './node-runs';
import { RefusalLog } from './refusal-log';
import { TaskTrees } from './task-trees';
import { skillsSchema } from '../shared/engine/skills';

export interface EngineOptions {
  /** The secret consoles must present in the handshake. */
  token: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
  host?: string;
  /** The Engine's name towards consoles; defaults to host:port. */
  id?: string;
  /** Folder of agent manifests; undefined: the shipped catalog/; null: the built-in sim agent only. */
  catalogDir?: string | null;
  /** Agent nodes run at once, at most. */
  capacity?: number;
  /** Tags beyond the agent loads (gpu, linux…) advertised to consoles; nodes may require them. */
  skills?: readonly string[];
  heartbeatMs?: number;
  /** How often the host's own CPU and memory go to every console. */
  hostSampleMs?: number;
  sampleIntervalMs?: number;
  killGraceMs?: number;
  /** PEM certificate and key: serve https/wss instead of http/ws. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Which programs the command agent may start; by default none (a standalone Engine runs
   * only what its operator allows).
   */
  commandPolicy?: CommandPolicy;
  /** How long the events of a disconnected console are kept. */
  streamRetentionMs?: number;
  /** Events in flight to a console before waiting for its acks. */
  window?: number;
  /** Unacknowledged events kept per console, at most. */
  maxRetained?: number;
  logger?: Logger;
}

export interface RunningEngine {
  readonly engineId: string;
  readonly engineRun: string;
  readonly url: string;
  readonly port: number;
  catalog(): AgentCatalogEntry[];
  /** Nodes running now. */
  running(): number;
  /** Stops every node (killing process trees), tears containers down, closes the server. */
  close(): Promise<void>;
}

/**
 * The reference Engine: a socket.io server that runs agents from its catalog for consoles
 * that present its token and speak its protocol version. Plain Node; the console embeds it
 * on loopback, or it runs standalone (`deduction engine`).
 */
export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  if (options.token.length === 0) throw new Error('an Engine needs a token');
  const logger = options.logger ?? consoleLogger;
  const host = options.host ?? '127.0.0.1';
  const capacity = options.capacity ?? 64;
  const skills = checkedSkills(options.skills ?? []);
  const engineRun = randomBytes(9).toString('base64url');
  const catalog = loadCatalog(options.catalogDir === undefined ? shippedCatalogDir() : options.catalogDir, logger);
  const streams = new EventStreams(engineRun, {
    window: options.window ?? 20_000,
    maxRetained: options.maxRetained ?? 500_000,
    retentionMs: options.streamRetentionMs ?? 3600_000,
    logger,
  });
  const trees = new TaskTrees();
  const emit = (event: EngineEvent & { taskId: string }): void => streams.route(event.taskId, event);
  const containers = new Containers({ emit: (event) => emit(event as EngineEvent & { taskId: string }), trees, logger });
  const runs = new NodeRuns({
    catalog,
    containers,
    trees,
    emit: (event) => emit(event as EngineEvent & { taskId: string }),
    logger,
    capacity,
    skills,
    sampleIntervalMs: options.sampleIntervalMs ?? 1000,
    killGraceMs: options.killGraceMs ?? 2000,
    commandPolicy: options.commandPolicy ?? NO_COMMANDS_POLICY,
  });
  const context: CommandContext = { runs, containers, trees, streams, logger };

  let engineId = options.id ?? '';
  const http: HttpServer = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
  http.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/socket.io')) return;
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, engineId, protocol: ENGINE_PROTOCOL_VERSION, capacity, running: runs.running }));
      return;
    }
    response.writeHead(404).end();
  });
  const io = new SocketServer(http, { maxHttpBufferSize: ENGINE_LIMITS.maxCommandBytes, serveClient: false, cors: { origin: false } });
  const refusals = new RefusalLog((line) => logger.warn(line));
  io.use((socket, next) => {
    try {
      (socket.data as { session: string }).session = checkHandshake(socket.handshake.auth, options.token).consoleSession;
      next();
    } catch (error) {
      if (!(error instanceof HandshakeRefused)) throw error;
      refusals.refused(socket.handshake.address, error.message);
      next(error);
    }
  });
  io.on('connection', (socket) => serveConsole(socket));

  function serveConsole(socket: Socket): void {
    const session = (socket.data as { session: string }).session;
    const stream = streams.forSession(session);
    const previous = io.sockets.sockets.get(currentSocket.get(session) ?? '');
    if (previous && previous.id !== socket.id) {
      logger.warn(`console session ${session} connected again; closing its older connection`);
      previous.disconnect(true);
    }
    currentSocket.set(session, socket.id);
    socket.on(ENGINE_SOCKET.command, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        logger.warn(`console ${session}: command without an acknowledgement callback ignored`);
        return;
      }
      (ack as (answer: unknown) => void)(handleCommand(raw, stream, context));
    });
    socket.on(ENGINE_SOCKET.ack, (raw: unknown) => {
      const parsed = eventAckSchema.safeParse(raw);
      if (!parsed.success || parsed.data.stream !== stream.id) {
        logger.warn(`console ${session}: malformed or stale event ack ignored`);
        return;
      }
      stream.ack(parsed.data.seq);
    });
    socket.onAny((name: unknown) => {
      if (name !== ENGINE_SOCKET.command && name !== ENGINE_SOCKET.ack) logger.warn(`console ${session}: unknown message ${String(name).slice(0, 100)} ignored`);
    });
    socket.on('disconnect', () => {
      stream.detach(socket);
      if (currentSocket.get(session) === socket.id) currentSocket.delete(session);
    });
    stream.attach(socket, { protocol: ENGINE_PROTOCOL_VERSION, engineId, engineRun, capacity, running: runs.running, agents: catalog.entries(), skills, features: [...ENGINE_FEATURES], time: Date.now() });
  }
  const currentSocket = new Map<string, string>();

  const port = await listenOn(http, options.port ?? 0, host);
  if (!engineId) engineId = `${hostname()}:${port}`;

  const heartbeat = setInterval(() => {
    streams.broadcast({
      type: 'engine.heartbeat',
      engineId,
      capacity,
      running: runs.running,
      load: capacity === 0 ? 1 : runs.running / capacity,
      agents: catalog.entries(),
      skills,
      time: Date.now(),
    });
  }, options.heartbeatMs ?? 1000);
  const hostUsage = new HostSampler();
  const hostSamples = setInterval(() => streams.broadcast({ type: 'resource.sample', engineId, ...hostUsage.sample(), time: Date.now() }), options.hostSampleMs ?? 2000);
  const sweeper = setInterval(() => streams.sweep(), 60_000);
  sweeper.unref();

  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    engineId,
    engineRun,
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    catalog: () => catalog.entries(),
    running: () => runs.running,
    close: () =>
      (closing ??= (async () => {
        clearInterval(heartbeat);
        clearInterval(hostSamples);
        clearInterval(sweeper);
        await runs.stopAll('the Engine is shutting down', NODE_ERROR_CODES.engineLost);
        for (const ref of containers.all()) containers.teardown(ref, 'the Engine is shutting down');
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
        });
      })()),
  };
}

/** The Engine's skills, each once; a malformed one is refused naming it. */
function checkedSkills(skills: readonly string[]): string[] {
  const parsed = skillsSchema.safeParse([...new Set(skills)]);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = typeof issue.path[0] === 'number' ? ` ${JSON.stringify([...new Set(skills)][issue.path[0]])}` : '';
  throw new Error(`skill${at}: ${issue.message}`);
}
