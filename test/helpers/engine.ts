import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { startEngine, type EngineOptions, type RunningEngine } from '../../src/engine/server';
import { EngineClient, type EngineClientOptions } from '../../src/main/core/engine/engine-client';
import type { EnginePort } from '../../src/main/core/engine/engine-port';
import type { EngineEvent, NodeStatusEvent, StartNodeCommand } from '../../src/shared/engine/protocol';
import type { Logger } from '../../src/shared/logger';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

export const TOKEN = 'engine-test-token-0123456789';
export const SHIPPED_CATALOG = fileURLToPath(new URL('../../catalog', import.meta.url));
export const TEST_CATALOG = fileURLToPath(new URL('../fixtures/engine/catalog', import.meta.url));

export interface RecordingLogger extends Logger {
  readonly lines: Array<{ level: keyof Logger; message: string }>;
  messages(level?: keyof Logger): string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: Array<{ level: keyof Logger; message: string }> = [];
  const record = (level: keyof Logger) => (message: string) => void lines.push({ level, message });
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    messages: (level) => lines.filter((line) => level === undefined || line.level === level).map((line) => line.message),
  };
}

/**
 * Engines, clients and proxies for one test file, all closed after each test so that no
 * server, socket or agent process outlives its test.
 */
export function useEngines() {
  const engines: RunningEngine[] = [];
  const clients: EngineClient[] = [];
  const proxies: TcpProxy[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
    await Promise.all(engines.splice(0).map((engine) => engine.close()));
  });
  return {
    async engine(options: Partial<EngineOptions> = {}): Promise<RunningEngine> {
      const engine = await startEngine({ token: TOKEN, catalogDir: SHIPPED_CATALOG, heartbeatMs: 200, logger: recordingLogger(), ...options });
      engines.push(engine);
      return engine;
    },
    client(url: string, options: Partial<EngineClientOptions> = {}): EngineClient {
      const client = new EngineClient({
        url,
        token: TOKEN,
        consoleSession: `test-${randomBytes(6).toString('hex')}`,
        logger: recordingLogger(),
        reconnectDelayMs: 20,
        reconnectDelayMaxMs: 200,
        pingIntervalMs: 500,
        ...options,
      });
      clients.push(client);
      return client;
    },
    async proxy(port: number): Promise<TcpProxy> {
      const proxy = await startTcpProxy(port);
      proxies.push(proxy);
      return proxy;
    },
  };
}

/** Every event an EnginePort delivered, with waits that wake on each new batch (no polling sleeps). */
export class EventLog {
  readonly events: EngineEvent[] = [];
  readonly batches: EngineEvent[][] = [];
  private readonly waiters = new Set<() => void>();

  constructor(port: EnginePort) {
    port.onEvents((batch) => {
      this.batches.push(batch);
      this.events.push(...batch);
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Calls `wake` after each batch; returns the unsubscribe function. */
  onBatch(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  statuses(nodeId?: string): NodeStatusEvent[] {
    return this.events.filter((event): event is NodeStatusEvent => event.type === 'node.status' && (nodeId === undefined || event.nodeId === nodeId));
  }

  /** The terminal status event of a node, once it arrives. */
  ended(nodeId: string, batch = 1, timeoutMs = 20_000): Promise<NodeStatusEvent> {
    return this.waitFor(
      () => this.statuses(nodeId).find((event) => event.batch === batch && ['completed', 'failed', 'stopped', 'timeout'].includes(event.status)),
      timeoutMs,
      `node ${nodeId} (batch ${batch}) to end`,
    );
  }

  waitFor<T>(probe: () => T | undefined | false, timeoutMs = 20_000, what = 'a condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined || value === false) return false;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${this.events.length} events so far`));
      }, timeoutMs);
      if (!check()) this.waiters.add(wake);
    });
  }
}

/** Resolves when `probe` holds, checking whenever `subscribe` signals a change. */
export function until<T>(subscribe: (wake: () => void) => () => void, probe: () => T | undefined | false, timeoutMs = 20_000, what = 'a condition'): Promise<T> {
  return new Promise((resolve, reject) => {
    let off: () => void = () => undefined;
    const check = (): boolean => {
      const value = probe();
      if (value === undefined || value === false) return false;
      clearTimeout(timer);
      off();
      resolve(value);
      return true;
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    if (!check()) off = subscribe(() => void check());
  });
}

export const TASK = '1001';
export const ref = (nodeId: string, batch = 1) => ({ taskId: TASK, nodeId, batch });
export const startSim = (nodeId: string, config: Record<string, unknown> = {}, batch = 1): StartNodeCommand => ({
  ...ref(nodeId, batch),
  agentLoad: 'sim',
  config: { durationMs: 0, ...config } as StartNodeCommand['config'],
  parentId: null,
});
