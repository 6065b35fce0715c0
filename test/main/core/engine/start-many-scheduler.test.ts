import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../../../src/main/core/engine/engine-client';
import { createEventIngest } from '../../../../src/main/core/engine/ingest-events';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import type { Store } from '../../../../src/main/core/store/store';
import { ENGINE_PROTOCOL_VERSION, ENGINE_SOCKET, type EngineCommand, type EngineEvent, type EngineWelcome } from '../../../../src/shared/engine/protocol';
import { recordingLogger, useEngines } from '../../../helpers/engine';
import { waitForTask, workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const engines = useEngines();
const tempDir = useTempDirs();
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const WIDTH = 20;
const fanOut = () =>
  workflow([
    { nodeId: 'source', agentConfig: { durationMs: 0 } },
    ...Array.from({ length: WIDTH }, (_, index) => ({ nodeId: `m${index}`, agentConfig: { durationMs: 0 }, dependencies: [{ sourceNodeId: 'source', type: 'success' as const }] })),
  ]);

interface SeenStart {
  name: string;
  nodeIds: string[];
  /** The nodes' committed status as a second connection read it when the command went out. */
  committed: Array<string | undefined>;
}

/**
 * Records every start command as it leaves the client, with what another connection to the
 * database reads at that moment: only committed rows are visible to it.
 */
function watchStarts(client: EngineClient, file: string, taskId: () => string): SeenStart[] {
  const reader = new Database(file, { readonly: true });
  closers.push(() => void reader.close());
  const status = reader.prepare('SELECT status FROM workflow_node WHERE task_id = ? AND node_id = ?').pluck();
  const socket = (client as unknown as { link: { socket: ClientSocket } }).link.socket;
  const emitWithAck = socket.emitWithAck.bind(socket);
  const seen: SeenStart[] = [];
  socket.emitWithAck = ((event: string, command: EngineCommand) => {
    if (command.name === 'startNode' || command.name === 'startMany') {
      const nodeIds = command.name === 'startMany' ? command.payload.nodes.map((node) => node.nodeId) : [command.payload.nodeId];
      seen.push({ name: command.name, nodeIds, committed: nodeIds.map((nodeId) => status.get(BigInt(taskId()), nodeId) as string | undefined) });
    }
    return emitWithAck(event, command);
  }) as typeof socket.emitWithAck;
  return seen;
}

async function run(client: EngineClient, store: Store, file: string): Promise<{ status: string; seen: SeenStart[] }> {
  client.onEvents(createEventIngest(store, recordingLogger()));
  const scheduler = new Scheduler({ store, engine: client, logger: recordingLogger() });
  closers.push(() => scheduler.close());
  let taskId = '';
  const seen = watchStarts(client, file, () => taskId);
  taskId = scheduler.createTask(fanOut()).task_id;
  await scheduler.startTask(taskId);
  return { status: await waitForTask(scheduler, store, taskId), seen };
}

async function openStoreIn(): Promise<{ store: Store; file: string }> {
  const dir = tempDir();
  const store = await openTestStore(dir, 'hop.sqlite');
  closers.push(() => store.close());
  return { store, file: join(dir, 'hop.sqlite') };
}

describe('starts through the Engine', () => {
  it('go out many per startMany message, each only after the row saying it was started is committed', async () => {
    const engine = await engines.engine({ catalogDir: null });
    const { store, file } = await openStoreIn();
    const client = engines.client(engine.url, { store });
    await client.connect();
    const { status, seen } = await run(client, store, file);
    expect(status).toBe('completed');
    expect(seen.map((start) => start.name)).not.toContain('startNode');
    expect(seen.flatMap((start) => start.nodeIds).sort()).toEqual(['source', ...Array.from({ length: WIDTH }, (_, index) => `m${index}`)].sort());
    expect(Math.max(...seen.map((start) => start.nodeIds.length))).toBeGreaterThan(1);
    expect(seen.length).toBeLessThan(WIDTH + 1);
    for (const start of seen) expect(start.committed).toEqual(start.nodeIds.map(() => 'running'));
  });

  it('go out one startNode each to an Engine whose welcome names no startMany, and the task completes', async () => {
    const older = await olderEngine();
    const { store, file } = await openStoreIn();
    const client = engines.client(older.url, { store });
    await client.connect();
    const { status, seen } = await run(client, store, file);
    expect(status).toBe('completed');
    expect(new Set(seen.map((start) => start.name))).toEqual(new Set(['startNode']));
    expect(seen).toHaveLength(WIDTH + 1);
    expect(older.commands).not.toContain('startMany');
    for (const start of seen) expect(start.committed).toEqual(['running']);
  });
});

/**
 * An Engine of before startMany: its welcome has no features; it acknowledges each command and
 * reports every started agent (and initialized container) running, then agents completed.
 */
async function olderEngine(): Promise<{ url: string; commands: string[] }> {
  const http = createServer();
  const server = new Server(http);
  closers.push(() => new Promise<void>((resolve) => void server.close(() => resolve())));
  const commands: string[] = [];
  let seq = 0;
  server.on('connection', (socket) => {
    const send = (events: EngineEvent[]) => socket.emit(ENGINE_SOCKET.events, { stream: 'older-stream', events: events.map((event) => ({ seq: ++seq, event })) });
    socket.on(ENGINE_SOCKET.command, (command: EngineCommand, ack: (answer: unknown) => void) => {
      commands.push(command.name);
      if (command.name === 'startMany') return ack({ ok: false, error: { code: 'INVALID_COMMAND', message: 'invalid command startMany' } });
      ack({ ok: true, ...(command.name === 'ping' ? { time: Date.now() } : {}) });
      const time = Date.now();
      if (command.name === 'initContainer') send([{ type: 'node.status', taskId: command.payload.taskId, nodeId: command.payload.nodeId, batch: command.payload.batch, status: 'running', time }]);
      if (command.name === 'startNode') {
        const ref = { taskId: command.payload.taskId, nodeId: command.payload.nodeId, batch: command.payload.batch };
        send([
          { type: 'node.status', ...ref, status: 'running', time },
          { type: 'node.status', ...ref, status: 'completed', time },
        ]);
      }
    });
    const welcome: EngineWelcome = {
      protocol: ENGINE_PROTOCOL_VERSION,
      engineId: 'older',
      engineRun: 'older-run-1',
      stream: 'older-stream',
      ackedSeq: 0,
      capacity: 100,
      running: 0,
      agents: [{ agentLoad: 'sim', kind: 'sim', name: 'Simulation' }],
      time: Date.now(),
    };
    socket.emit(ENGINE_SOCKET.welcome, welcome);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, commands };
}
