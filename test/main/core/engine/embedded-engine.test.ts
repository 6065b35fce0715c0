import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../../../src/main/core/engine/embedded-engine';
import { EngineClient } from '../../../../src/main/core/engine/engine-client';
import type { Store } from '../../../../src/main/core/store/store';
import { EventLog, recordingLogger, startSim, TOKEN } from '../../../helpers/engine';
import { openTestStore } from '../../../helpers/store';

let embedded: EmbeddedEngine | undefined;
let store: Store | undefined;
let intruder: EngineClient | undefined;
afterEach(async () => {
  await intruder?.close();
  await embedded?.close();
  store?.close();
  embedded = undefined;
  store = undefined;
  intruder = undefined;
});

describe('startEmbeddedEngine', () => {
  it('runs the reference Engine on loopback with a random port and token, connected and ready', async () => {
    store = await openTestStore();
    embedded = await startEmbeddedEngine({ store, logger: recordingLogger() });
    expect(embedded.engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(embedded.engine.port).toBeGreaterThan(0);
    expect(embedded.client.state()).toMatchObject({ status: 'connected', engineId: 'embedded' });
    // Its random loopback address dies with this process: tasks run on it record no engine_url.
    expect(embedded.client.taskEngineUrl()).toBeNull();
    expect(embedded.client.catalog().map((entry) => entry.agentLoad)).toEqual(expect.arrayContaining(['sim', 'red-team', 'blue-team', 'script', 'http', 'http-health', 'manual']));

    const log = new EventLog(embedded.client);
    await embedded.client.startNode(startSim('first-run', { durationMs: 50, steps: 2 }));
    expect(await log.ended('first-run')).toMatchObject({ status: 'completed', engineId: 'embedded' });

    const known = store.all(store.kysely.selectFrom('agent_meta').select(['agent_load', 'engine_ids']).orderBy('agent_load'));
    expect(known.map((row) => row.agent_load)).toEqual(['blue-team', 'decision', 'http', 'http-health', 'manual', 'red-team', 'script', 'sim']);
    expect(known.every((row) => row.engine_ids === '["embedded"]')).toBe(true);

    intruder = new EngineClient({ url: embedded.engine.url, token: TOKEN, consoleSession: 'intruder-session', logger: recordingLogger() });
    await expect(intruder.connect()).rejects.toThrow(/unauthorized/);
  });
});
