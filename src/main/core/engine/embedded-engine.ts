import { randomBytes } from 'node:crypto';
import { LOCAL_USER_POLICY } from '../../../engine/command-policy';
import { startEngine, type EngineOptions } from '../../../engine/server';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { consoleSessionId, randomSessionId } from './console-session';
import { EngineClient } from './engine-client';
import { builtEngineThreadEntry, startEngineThread } from './engine-thread';

export interface EmbeddedEngineOptions {
  /** With a store, the client persists its event cursor and keeps agent_meta in line. */
  store?: Store;
  catalogDir?: string | null;
  capacity?: number;
  logger?: Logger;
  /** Passed through to the Engine (heartbeat, sampling, kill grace…). */
  engine?: Omit<EngineOptions, 'token' | 'port' | 'host' | 'id' | 'catalogDir' | 'capacity' | 'logger' | 'tls'>;
  /**
   * The built Engine thread entry (engine-thread.js) to run the Engine on a worker thread;
   * by default the one beside the running bundle. null, or running from the sources: the
   * Engine runs on this thread.
   */
  threadEntry?: string | null;
}

export interface EmbeddedEngine {
  /** The EnginePort to give the scheduler. */
  readonly client: EngineClient;
  readonly engine: { readonly url: string; readonly port: number; readonly threaded: boolean };
  close(): Promise<void>;
}

/**
 * The Engine a fresh install runs on: the reference Engine, started in this process on
 * loopback with a random port and a random token, and a client connected to it. No server to
 * install, nothing listening beyond this machine.
 *
 * Built, it runs on a worker thread of its own: generating, encoding and sending events then
 * no longer takes turns with decoding and storing them on one event loop (see the README's
 * Engine benchmark), and a busy agent cannot stall the console's scheduler or its window.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions = {}): Promise<EmbeddedEngine> {
  const logger = options.logger ?? consoleLogger;
  const token = randomBytes(24).toString('base64url');
  const engineOptions = {
    commandPolicy: LOCAL_USER_POLICY,
    ...options.engine,
    token,
    host: '127.0.0.1',
    port: 0,
    id: 'embedded',
    ...(options.catalogDir !== undefined ? { catalogDir: options.catalogDir } : {}),
    ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
  };
  const threadEntry = options.threadEntry === undefined ? builtEngineThreadEntry() : options.threadEntry;
  const engine: { url: string; port: number; close(): Promise<void> } = threadEntry
    ? await startEngineThread(threadEntry, engineOptions, logger)
    : await startEngine({ ...engineOptions, logger });
  const client = new EngineClient({
    url: engine.url,
    token,
    name: 'embedded',
    inProcess: true,
    consoleSession: options.store ? consoleSessionId(options.store) : randomSessionId(),
    logger,
    ...(options.store ? { store: options.store } : {}),
  });
  try {
    await client.connect(10_000);
  } catch (error) {
    await client.close();
    await engine.close();
    throw error;
  }
  return {
    client,
    engine: { url: engine.url, port: engine.port, threaded: Boolean(threadEntry) },
    close: async () => {
      await client.close();
      await engine.close();
    },
  };
}
