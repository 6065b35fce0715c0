import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, StartNodeCommand } from '../../src/shared/engine/protocol';
import { TestEngine } from './test-engine';

let engine: TestEngine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});

const start = (nodeId: string, batch = 1, extra: Partial<StartNodeCommand> = {}): StartNodeCommand => ({ taskId: '1', nodeId, batch, agentLoad: 'sim', config: {}, parentId: 'root', ...extra });
const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collect(target: TestEngine): EngineEvent[][] {
  const batches: EngineEvent[][] = [];
  target.onEvents((events) => batches.push(events));
  return batches;
}

describe('TestEngine', () => {
  it('runs an instant agent and reports running and completed in one batch', async () => {
    engine = new TestEngine({ script: { a: { result: { route: 'north' } } }, engineId: 'e1' });
    const batches = collect(engine);
    await engine.startNode(start('a'));
    await tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((event) => (event.type === 'node.status' ? `${event.nodeId}:${event.status}:${event.engineId}` : event.type))).toEqual(['a:running:e1', 'a:completed:e1']);
    expect(batches[0]![1]).toMatchObject({ result: { route: 'north' } });
    expect(engine.stateOf({ taskId: '1', nodeId: 'a', batch: 1 })).toEqual({ status: 'completed', progress: 1, result: { route: 'north' } });
  });

  it('is idempotent by (task, node, batch): a repeated start is counted but runs nothing', async () => {
    engine = new TestEngine({ defaultScript: { durationMs: 20 } });
    await engine.startNode(start('a'));
    await engine.startNode(start('a'));
    await engine.startNode(start('a', 2));
    expect(engine.stats).toMatchObject({ startCommands: 3, duplicateStarts: 1 });
    expect(engine.startsByBatch.get('1\u0000a\u00001')).toBe(2);
    expect(engine.runningCount).toBe(2);
  });

  it('refuses starts beyond its capacity and reports what is free', async () => {
    engine = new TestEngine({ capacity: 1, defaultScript: { outcome: 'hang' } });
    expect(engine.freeCapacity()).toBe(1);
    await engine.startNode(start('a'));
    expect(engine.freeCapacity()).toBe(0);
    await expect(engine.startNode(start('b'))).rejects.toMatchObject({ code: 'AT_CAPACITY' });
    await engine.stopNode({ taskId: '1', nodeId: 'a', batch: 1 });
    expect(engine.freeCapacity()).toBe(1);
  });

  it('fails the first failTimes attempts of a node, then ends as scripted', async () => {
    engine = new TestEngine({ script: { flaky: { failTimes: 2 } } });
    for (const batch of [1, 2, 3]) await engine.startNode(start('flaky', batch));
    expect([1, 2, 3].map((batch) => engine!.stateOf({ taskId: '1', nodeId: 'flaky', batch }).status)).toEqual(['failed', 'failed', 'completed']);
    expect(engine.stateOf({ taskId: '1', nodeId: 'flaky', batch: 1 })).toMatchObject({ errorCode: 'SIMULATED_FAILURE', errorMessage: 'scripted failure 1 of 2' });
  });

  it('times out an attempt that outlives its timeoutMs, unless told not to', async () => {
    engine = new TestEngine({ defaultScript: { durationMs: 1_000 } });
    await engine.startNode(start('a', 1, { timeoutMs: 20 }));
    await sleep(40);
    expect(engine.stateOf({ taskId: '1', nodeId: 'a', batch: 1 })).toMatchObject({ status: 'timeout', errorCode: 'TIMEOUT' });
    const lenient = new TestEngine({ defaultScript: { durationMs: 1_000 }, enforceTimeouts: false });
    await lenient.startNode(start('a', 1, { timeoutMs: 20 }));
    await sleep(40);
    expect(lenient.stateOf({ taskId: '1', nodeId: 'a', batch: 1 }).status).toBe('running');
    lenient.close();
  });

  it('waits for decisions on manual agents and refuses decisions it cannot take', async () => {
    engine = new TestEngine({ script: { m: { manual: true }, r: { manual: true } } });
    await engine.startNode(start('m'));
    await engine.startNode(start('r'));
    await engine.startNode(start('plain'));
    await engine.decideManual({ taskId: '1', nodeId: 'm', batch: 1, approved: true, operator: 'carol', comment: 'ok' });
    await engine.decideManual({ taskId: '1', nodeId: 'r', batch: 1, approved: false, operator: 'carol' });
    expect(engine.stateOf({ taskId: '1', nodeId: 'm', batch: 1 })).toMatchObject({ status: 'completed', result: { approved: true, operator: 'carol', comment: 'ok' } });
    expect(engine.stateOf({ taskId: '1', nodeId: 'r', batch: 1 })).toMatchObject({ status: 'failed', errorCode: 'REJECTED' });
    await expect(engine.decideManual({ taskId: '1', nodeId: 'm', batch: 1, approved: true, operator: 'carol' })).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
    await expect(engine.decideManual({ taskId: '1', nodeId: 'plain', batch: 1, approved: true, operator: 'carol' })).rejects.toMatchObject({ code: 'NOT_MANUAL' });
    await expect(engine.decideManual({ taskId: '1', nodeId: 'ghost', batch: 1, approved: true, operator: 'carol' })).rejects.toMatchObject({ code: 'UNKNOWN_NODE' });
  });

  it('answers queries about containers and unknown executions, and drops events nobody listens to', async () => {
    engine = new TestEngine();
    await engine.initContainer({ taskId: '1', nodeId: 'box', batch: 1, containerConfig: {} });
    expect(await engine.queryNode({ taskId: '1', nodeId: 'box', batch: 1 })).toEqual({ status: 'running' });
    expect(await engine.queryNode({ taskId: '1', nodeId: 'a', batch: 1 })).toEqual({ status: 'unknown' });
    await engine.startNode(start('a'));
    await tick();
    expect(engine.stats).toMatchObject({ droppedEvents: 2, deliveredEvents: 0, queries: 2 });
    expect(engine.log).toEqual(['init box#1', 'start a#1']);
  });

  it('stops every running execution of a task', async () => {
    engine = new TestEngine({ defaultScript: { outcome: 'hang' } });
    await engine.startNode(start('a'));
    await engine.startNode(start('b'));
    await engine.stopTask({ taskId: '1', reason: 'called off' });
    expect(engine.stateOf({ taskId: '1', nodeId: 'a', batch: 1 })).toMatchObject({ status: 'stopped', errorMessage: 'called off' });
    expect(engine.runningCount).toBe(0);
  });
});
