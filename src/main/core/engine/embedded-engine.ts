import { randomBytes } from 'node:crypto';
import { startEngine, type EngineOptions, type RunningEngine } from '../../../engine/server';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { Store } from '../store/store';
import { consoleSessionId, randomSessionId } from './console-session';
import { EngineClient } from './engine-client';

export interface EmbeddedEngineOptions {
  /** With a store, the client persists its event cursor and keeps agent_meta in line. */
  store?: Store;
  catalogDir?: string | null;
  capacity?: number;
  logger?: Logger;
  /** Passed through to the Engine (heartbeat, sampling, kill grace…). */
  engine?: Omit<EngineOptions, 'token' | 'port' | 'host' | 'id' | 'catalogDir' | 'capacity' | 'logger'>;
}

export interface EmbeddedEngine {
  /** The EnginePort to give the scheduler. */
  readonly client: EngineClient;
  readonly engine: RunningEngine;
  close(): Promise<void>;
}

/**
 * The Engine a fresh install runs on: the reference Engine, started in this process on
 * loopback with a random port and a random token, and a client connected to it. No server to
 * install, nothing listening beyond this machine.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions = {}): Promise<EmbeddedEngine> {
  const logger = options.logger ?? consoleLogger;
  const token = randomBytes(24).toString('base64url');
  const engine = await startEngine({
    ...options.engine,
    token,
    host: '127.0.0.1',
    port: 0,
    id: 'embedded',
    logger,
    ...(options.catalogDir !== undefined ? { catalogDir: options.catalogDir } : {}),
    ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
  });
  const client = new EngineClient({
    url: engine.url,
    token,
    name: 'embedded',
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
    engine,
    close: async () => {
      await client.close();
      await engine.close();
    },
  };
}
