import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '../../../../src/shared/api/alerts';
import { consoleLogger } from '../../../../src/shared/logger';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/shared/settings/settings';
import { startAlertService, type AlertService } from '../../../../src/main/core/alerts/alert-service';
import type { Store } from '../../../../src/main/core/store/store';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';
import type { IntervalClock } from '../../../../src/main/core/clock/interval-clock';

const tempDir = useTempDirs();
const MINUTE = 60_000;

/** A clock that moves only when told, with the one interval the service sets. */
class FakeClock implements IntervalClock {
  time = 1_000_000;
  callback: (() => void) | null = null;
  intervalMs = 0;
  now = () => this.time;
  setInterval = (callback: () => void, ms: number) => {
    this.callback = callback;
    this.intervalMs = ms;
    return 1;
  };
  clearInterval = () => {
    this.callback = null;
  };
}

let store: Store | null = null;
let service: AlertService | null = null;
let server: Server | null = null;
afterEach(async () => {
  service?.stop();
  store?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  store = null;
  service = null;
  server = null;
});

async function setUp(escalation: Partial<Settings['alerts']['escalation']>) {
  store = await openTestStore();
  const clock = new FakeClock();
  const events: AlertEvent[] = [];
  const logged: string[] = [];
  const settings = { ...DEFAULT_SETTINGS.alerts, escalation: { ...DEFAULT_SETTINGS.alerts.escalation, ...escalation } };
  service = startAlertService({
    store,
    settings: () => settings,
    emit: (event) => events.push(event),
    logger: { ...consoleLogger, warn: (message: string) => logged.push(message), error: (message: string) => logged.push(message) },
    clock,
  });
  return { clock, events, logged, service };
}

/** A local webhook receiver: records the bodies, answers with `status`. */
async function receiver(status = 204): Promise<{ url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      bodies.push(JSON.parse(text));
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, bodies };
}

describe('escalation under a fake clock', () => {
  it('goes one level up once per period while unacknowledged, calling the webhook and the command each time', async () => {
    const hook = await receiver();
    const out = join(tempDir(), 'escalations.txt');
    const script = `require('fs').appendFileSync(${JSON.stringify(out)}, JSON.parse(process.env.DEDUCTION_ALERT).escalationLevel + '\\n')`;
    const { clock, events, service } = await setUp({ afterMinutes: 15, maxLevel: 2, webhookUrl: hook.url, command: [process.execPath, '-e', script] });
    const alert = service.monitor.raise({ kind: 'engine-lost', severity: 'critical', engine: 'e1', params: { engine: 'e1' } });

    const levelAfter = async (minutes: number) => {
      clock.time = 1_000_000 + minutes * MINUTE;
      clock.callback!();
      await service.tick();
      return service.monitor.alerts.get(alert.id).escalationLevel;
    };
    expect(clock.intervalMs).toBeGreaterThan(0);
    expect(await levelAfter(14)).toBe(0);
    expect(await levelAfter(15)).toBe(1);
    expect(await levelAfter(20)).toBe(1);
    expect(await levelAfter(29)).toBe(1);
    expect(await levelAfter(30)).toBe(2);
    // maxLevel reached: no more.
    expect(await levelAfter(120)).toBe(2);

    expect(service.monitor.alerts.get(alert.id)).toMatchObject({ escalatedAt: 1_000_000 + 30 * MINUTE, notifyError: null, state: 'open' });
    expect(hook.bodies).toEqual([
      { event: 'alert.escalated', alert: expect.objectContaining({ id: alert.id, escalationLevel: 1 }) },
      { event: 'alert.escalated', alert: expect.objectContaining({ id: alert.id, escalationLevel: 2 }) },
    ]);
    expect(readFileSync(out, 'utf8')).toBe('1\n2\n');
    expect(events.filter((event) => event.change === 'escalated').map((event) => event.escalationLevel)).toEqual([1, 2]);
  });

  it('does not escalate an acknowledged alert', async () => {
    const { clock, service } = await setUp({ afterMinutes: 15 });
    const alert = service.monitor.raise({ kind: 'engine-lost', severity: 'critical', engine: 'e1', params: { engine: 'e1' } });
    service.monitor.acknowledge(alert.id, 'alice');
    clock.time += 60 * MINUTE;
    await service.tick();
    expect(service.monitor.alerts.get(alert.id).escalationLevel).toBe(0);
  });

  it('keeps a failing webhook and command on the alert and in the log, and still escalates', async () => {
    const hook = await receiver(500);
    const { clock, events, logged, service } = await setUp({ afterMinutes: 1, webhookUrl: hook.url, command: [join(tempDir(), 'no-such-program')] });
    const alert = service.monitor.raise({ kind: 'engine-lost', severity: 'critical', engine: 'e1', params: { engine: 'e1' } });
    clock.time += MINUTE;
    await service.tick();
    const after: Alert = service.monitor.alerts.get(alert.id);
    expect(after.escalationLevel).toBe(1);
    expect(after.notifyError).toMatch(/webhook http:\/\/127\.0\.0\.1:\d+\/hook answered 500/);
    expect(after.notifyError).toMatch(/command .*no-such-program/);
    expect(logged.join('\n')).toContain(`alert ${alert.id} escalated to level 1`);
    expect(events.at(-1)).toMatchObject({ change: 'notified', notifyError: after.notifyError });
  });

  it('stops a webhook that does not answer within its timeout', async () => {
    server = createServer(() => {});
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { clock, service } = await setUp({ afterMinutes: 1, webhookUrl: url, webhookTimeoutMs: 200 });
    const alert = service.monitor.raise({ kind: 'engine-lost', severity: 'critical', engine: 'e1', params: { engine: 'e1' } });
    clock.time += MINUTE;
    await service.tick();
    expect(service.monitor.alerts.get(alert.id).notifyError).toBe(`webhook ${url} did not answer within 200 ms`);
    server.closeAllConnections();
  });
});

describe('escalation shared by processes on one database', () => {
  it('goes up once when two consoles find the same alert due', async () => {
    const { clock, service } = await setUp({ afterMinutes: 15 });
    const alert = service.monitor.raise({ kind: 'engine-lost', severity: 'critical', engine: 'e1', params: { engine: 'e1' } });
    clock.time += 15 * MINUTE;
    const [due] = service.monitor.alerts.dueForEscalation(15 * MINUTE, 3);
    expect(service.monitor.alerts.escalate(due!.id, due!.escalationLevel)).toMatchObject({ escalationLevel: 1 });
    expect(service.monitor.alerts.escalate(due!.id, due!.escalationLevel)).toBeNull();
    expect(service.monitor.alerts.get(alert.id).escalationLevel).toBe(1);
  });
});
