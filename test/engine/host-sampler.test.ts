import { cpus, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { ResourceSampleEvent } from '../../src/shared/engine/protocol';
import { HostSampler } from '../../src/engine/host-sampler';
import { EventLog, useEngines } from '../helpers/engine';

const engines = useEngines();

describe('Engine host samples', () => {
  it('measure the host between two calls, in the agents’ unit (100 per busy core) and within the machine', async () => {
    const sampler = new HostSampler();
    const until = Date.now() + 150;
    while (Date.now() < until) Math.sqrt(Math.random());
    const { cpuPercent, memoryBytes } = sampler.sample();
    expect(cpuPercent).toBeGreaterThan(0);
    expect(cpuPercent).toBeLessThanOrEqual(100 * cpus().length);
    expect(memoryBytes).toBeGreaterThan(0);
    expect(memoryBytes).toBeLessThanOrEqual(totalmem());
  });

  it('go to every connected console without a task, so the console charts each Engine host', async () => {
    const engine = await engines.engine({ hostSampleMs: 50 });
    const first = engines.client(engine.url);
    const second = engines.client(engine.url);
    const logs = [new EventLog(first), new EventLog(second)];
    await Promise.all([first.connect(), second.connect()]);
    const hostSamples = (log: EventLog) => log.events.filter((event): event is ResourceSampleEvent => event.type === 'resource.sample' && event.taskId === undefined);
    await expect.poll(() => logs.map((log) => hostSamples(log).length >= 2), { timeout: 5000 }).toEqual([true, true]);
    expect(hostSamples(logs[0]!)[0]!.nodeId).toBeUndefined();
    expect(hostSamples(logs[0]!)[0]).toMatchObject({ engineId: engine.engineId, cpuPercent: expect.any(Number), memoryBytes: expect.any(Number) });
  });
});
