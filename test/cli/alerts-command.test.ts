import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { AlertStore } from '../../src/main/core/alerts/alert-store';
import { writeSettings } from '../../src/main/core/settings/settings-store';
import { openTestStore } from '../helpers/store';
import { recordingIo } from '../helpers/cli-io';
import { insertTask } from '../helpers/rows';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();

async function cli(args: string[]) {
  const io = recordingIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** A database holding two alerts: a node failure of task "nightly patch" and a lost Engine. */
async function database(): Promise<{ db: string; failure: string; engine: string }> {
  const dir = tempDir();
  const store = await openTestStore(dir, 'console.sqlite');
  try {
    const taskId = insertTask(store);
    store.db.prepare(`UPDATE deduction_task SET task_name = 'nightly patch' WHERE id = ?`).run(BigInt(taskId));
    writeSettings(store, { operatorName: 'dana' });
    const alerts = new AlertStore(store, () => Date.UTC(2026, 0, 2, 3, 4, 5));
    const failure = alerts.fire({ kind: 'node-failed', severity: 'critical', taskId, nodeId: 'patch', params: { nodeId: 'patch', detail: 'exit 3' } }).alert.id;
    const engine = alerts.fire({ kind: 'engine-lost', severity: 'critical', engine: 'lab-1', params: { engine: 'lab-1' } }).alert.id;
    return { db: join(dir, 'console.sqlite'), failure, engine };
  } finally {
    store.close();
  }
}

describe('deduction alerts', () => {
  it('lists alerts by state, naming the task by its name', async () => {
    const { db, failure } = await database();
    const listed = await cli(['alerts', '--state', 'open', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${failure}  2026-01-02T03:04:05.000Z  open  critical  node-failed [nightly patch]: patch failed: exit 3`);
    expect(listed.stdout.split('\n')).toHaveLength(2);
    expect((await cli(['alerts', 'list', '--state', 'resolved', '--db', db])).stdout).toBe('no alerts');
  });

  it('acknowledges as the settings’ operator (or --by), and refuses what it cannot do with a reason', async () => {
    const { db, failure, engine } = await database();
    const acked = await cli(['alerts', 'ack', failure, '--db', db]);
    expect(acked).toMatchObject({ code: 0, stdout: expect.stringContaining(`${failure}  2026-01-02T03:04:05.000Z  acknowledged by dana`) as unknown });
    expect((await cli(['alerts', 'resolve', engine, '--by', 'eve', '--db', db])).stdout).toContain('resolved by eve');
    const json = JSON.parse((await cli(['alerts', '--state', 'acknowledged,resolved', '--json', '--db', db])).stdout) as { id: string; state: string; acknowledgedBy: string | null }[];
    expect(json.map((alert) => [alert.id, alert.state, alert.acknowledgedBy])).toEqual(
      expect.arrayContaining([
        [failure, 'acknowledged', 'dana'],
        [engine, 'resolved', null],
      ]),
    );
    expect(await cli(['alerts', 'ack', engine, '--db', db])).toMatchObject({ code: 2, stderr: `deduction: Alert ${engine} is already resolved` });
    expect(await cli(['alerts', 'ack', '42', '--db', db])).toMatchObject({ code: 1, stderr: 'deduction: There is no alert 42' });
    const bad = await cli(['alerts', '--state', 'closed', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"closed" is not an alert state (one of open, acknowledged, resolved)');
  });
});
