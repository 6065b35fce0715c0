import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../../../src/main/core/engine/embedded-engine';
import { builtEngineThreadEntry, ENGINE_THREAD_FILE, startEngineThread } from '../../../../src/main/core/engine/engine-thread';
import { EventLog, recordingLogger, startSim } from '../../../helpers/engine';
import { REPO_ROOT } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let embedded: EmbeddedEngine | undefined;
afterEach(async () => {
  await embedded?.close();
  embedded = undefined;
});

/** `npm test` builds the CLI, and the Engine thread entry beside it, before the unit tests run. */
function builtEntry(): string {
  const entry = builtEngineThreadEntry(join(REPO_ROOT, 'out/node'));
  if (!entry) throw new Error(`out/node/${ENGINE_THREAD_FILE} is missing: run \`npm run build\` first (npm test does)`);
  return entry;
}

/** A stand-in thread entry: plain JavaScript, to make a thread misbehave in one exact way. */
function fakeEntry(body: string): string {
  const file = join(tempDir(), 'fake-engine-thread.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
  return file;
}

describe('the embedded Engine on its own thread', () => {
  it('runs agents from the built entry, reports its log lines through the console logger, and ends its thread on close', async () => {
    const logger = recordingLogger();
    const catalog = tempDir();
    cpSync(join(REPO_ROOT, 'catalog/red-team.json'), join(catalog, 'red-team.json'));
    writeFileSync(join(catalog, 'broken.json'), '{ "agentLoad": ');
    embedded = await startEmbeddedEngine({ threadEntry: builtEntry(), catalogDir: catalog, logger });
    expect(embedded.engine.threaded).toBe(true);
    expect(embedded.engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(embedded.client.catalog().map((entry) => entry.agentLoad).sort()).toEqual(['red-team', 'sim']);
    expect(logger.messages('warn')).toEqual([expect.stringMatching(/^catalog: .*broken\.json skipped: not JSON/)]);

    const log = new EventLog(embedded.client);
    await embedded.client.startNode(startSim('threaded', { durationMs: 100, steps: 2, logLinesPerSecond: 100 }));
    expect(await log.ended('threaded')).toMatchObject({ status: 'completed', engineId: 'embedded' });
    expect(log.events.filter((event) => event.type === 'node.log').length).toBeGreaterThan(0);

    const closing = embedded.close();
    embedded = undefined;
    await expect(closing).resolves.toBeUndefined();
    expect(logger.messages('warn')).toHaveLength(1);
    expect(logger.messages('error')).toEqual([]);
  });

  it('runs on the console thread when there is no built entry (the sources under test)', async () => {
    expect(builtEngineThreadEntry(tempDir())).toBeUndefined();
    embedded = await startEmbeddedEngine({ threadEntry: null, catalogDir: null, logger: recordingLogger() });
    expect(embedded.engine.threaded).toBe(false);
    expect(embedded.client.state().status).toBe('connected');
  });

  it('says why a thread did not start: a missing entry, an Engine that refuses its options, an entry that crashes', async () => {
    const logger = recordingLogger();
    const missing = join(tempDir(), ENGINE_THREAD_FILE);
    await expect(startEngineThread(missing, { token: 't' }, logger)).rejects.toThrow(/embedded Engine thread/);
    expect(existsSync(missing)).toBe(false);
    await expect(startEngineThread(builtEntry(), { token: '' }, logger)).rejects.toThrow(/did not start: an Engine needs a token/);
    await expect(startEngineThread(fakeEntry(`throw new Error('broken build');`), { token: 't' }, logger)).rejects.toThrow(/did not start: broken build/);
    await expect(startEngineThread(fakeEntry(''), { token: 't' }, logger, { startMs: 300 })).rejects.toThrow(/did not start: (it exited with code 0|no answer within 300 ms)/);
  });

  it('reports a thread that dies after starting, and terminates one that will not end when closed', async () => {
    const logger = recordingLogger();
    const dying = await startEngineThread(fakeEntry(`parentPort.postMessage({ type: 'ready', url: 'http://127.0.0.1:1', port: 1 }); setTimeout(() => process.exit(3), 50);`), { token: 't' }, logger);
    await expect.poll(() => logger.messages('error')).toEqual(['the embedded Engine thread ended unexpectedly (exit code 3)']);
    await dying.close();

    const stubborn = await startEngineThread(fakeEntry(`parentPort.postMessage({ type: 'ready', url: 'http://127.0.0.1:1', port: 1 }); setInterval(() => {}, 1000);`), { token: 't' }, logger, { closeMs: 200 });
    const started = Date.now();
    await stubborn.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logger.messages('warn')).toEqual(['the embedded Engine thread did not end within 200 ms of being closed; terminating it']);
  });
});
