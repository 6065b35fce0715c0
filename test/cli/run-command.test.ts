import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import type { RunReport } from '../../src/cli/run-report';
import { integrityProblems } from '../../src/main/core/store/backup';
import { recordingIo } from '../helpers/cli-io';
import { freePort } from '../helpers/ports';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp';
import { agent, container, flat, workflow } from '../helpers/workflow';

const tempDir = useTempDirs();
const example = (name: string) => join(REPO_ROOT, 'examples', name);
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function run(args: string[]): Promise<{ code: number; report: RunReport; stderr: string }> {
  const io = recordingIo();
  const code = await main(['run', ...args, '--json'], io);
  return { code, report: JSON.parse(io.stdout()) as RunReport, stderr: io.stderr() };
}

/** A server that holds a port and answers 404 to everything. */
function squatter(): Promise<string> {
  const server = createServer((_request, response) => response.writeHead(404).end());
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`)));
}

/** The result of a node's last execution, as the store keeps it. */
function resultOf(db: string, nodeId: string): unknown {
  const reader = new BetterSqlite3(db, { readonly: true });
  const text = reader
    .prepare('SELECT result FROM node_execution WHERE node_id = ? ORDER BY batch DESC LIMIT 1')
    .pluck()
    .get(nodeId) as string | null | undefined;
  reader.close();
  if (text === undefined) throw new Error(`${nodeId} never ran`);
  return text === null ? null : JSON.parse(text);
}

/** Waits until the run's task is under way, reading the database as another process would. */
async function waitForRunningTask(db: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const reader = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
      const status = reader.prepare('SELECT status FROM deduction_task').pluck().get();
      reader.close();
      if (status === 'running') return;
    } catch {
      // The file or its tables do not exist yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the run never started');
}

describe('deduction run', () => {
  it('runs the red-versus-blue example to completion: the umpire script scores the round and one briefing runs', async () => {
    const db = join(tempDir(), 'db.sqlite');
    const { code, report } = await run([example('red-vs-blue.json'), '--approve', '--db', db]);
    expect(code).toBe(0);
    expect(report.task).toMatchObject({ status: 'completed', counters: { totalNodes: report.nodes.length, failedNodes: 0, runningNodes: 0 } });
    expect(report.task.id).toMatch(/^\d{16,19}$/);
    const ended = report.nodes.filter((node) => ['completed', 'skipped'].includes(node.status));
    expect(ended).toHaveLength(report.nodes.length);
    const ran = report.nodes.filter((node) => node.status === 'completed' && node.nodeType === 'agent');
    expect(ran.every((node) => node.batches >= 1 && node.startTime !== null && node.endTime! >= node.startTime)).toBe(true);
    expect(resultOf(db, 'setup')).toEqual({ scenario: 'strait-crossing', seed: 42, forces: { red: 12, blue: 7 } });
    expect(resultOf(db, 'umpire')).toEqual({ winner: 'red', margin: 5, red: 'completed', blue: 'completed' });
    const status = (nodeId: string) => report.nodes.find((node) => node.nodeId === nodeId)?.status;
    expect([status('brief-red-win'), status('brief-blue-win')]).toEqual(['completed', 'skipped']);
  }, 90_000);

  it('runs the IT-ops example for real: installs and starts its service, patches it, verifies it, reports and stops it', async () => {
    const db = join(tempDir(), 'db.sqlite');
    const port = await freePort();
    const healthUrl = `http://127.0.0.1:${port}/health`;
    const { code, report } = await run([example('it-ops-maintenance.json'), '--approve', '--var', `healthUrl=${healthUrl}`, '--db', db]);
    expect(code).toBe(0);
    expect(report.task.status).toBe('completed');
    expect(report.nodes.find((node) => node.nodeId === 'approval')).toMatchObject({ status: 'completed', batches: 1 });
    expect(report.nodes.find((node) => node.nodeId === 'rollback')?.status).toBe('skipped');
    expect(resultOf(db, 'health-before')).toMatchObject({ status: 200, body: { status: 'ok', version: '2026.04.3' } });
    expect(resultOf(db, 'apply-patch')).toEqual({ from: '2026.04.3', to: '2026.05.1' });
    expect(resultOf(db, 'verify')).toMatchObject({ status: 200, body: { version: '2026.05.1', config: expect.stringContaining('max_connections=200') } });
    expect(resultOf(db, 'report')).toEqual({ release: '2026.05.1', outcome: 'patched' });
    await expect(fetch(healthUrl)).rejects.toThrow();
  }, 90_000);

  it('ends failed, exit 1, when its service cannot start: nothing is changed, the report says so', async () => {
    const db = join(tempDir(), 'db.sqlite');
    const healthUrl = await squatter();
    const { code, report } = await run([example('it-ops-maintenance.json'), '--approve', '--var', `healthUrl=${healthUrl}`, '--db', db]);
    expect(code).toBe(1);
    expect(report.task.status).toBe('failed');
    expect(report.nodes.find((node) => node.nodeId === 'provision')).toMatchObject({ status: 'failed', batches: 1 });
    const completed = report.nodes.filter((node) => node.status === 'completed').map((node) => node.nodeId);
    expect(completed.sort()).toEqual(['release-target', 'report']);
    expect(resultOf(db, 'report')).toEqual({ release: '2026.04.3', outcome: 'not patched' });
  }, 90_000);

  it('runs the 1,000-node stress example, and a backup taken meanwhile is sound', async () => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    const running = run([example('stress-1000.json'), '--db', db]);
    await waitForRunningTask(db);
    const backupIo = recordingIo();
    expect(await main(['backup', '--db', db, '--out', join(dir, 'live-backup.sqlite')], backupIo)).toBe(0);
    const { code, report } = await running;
    expect(code).toBe(0);
    expect(report.nodes).toHaveLength(1000);
    expect(report.task.counters).toMatchObject({ totalNodes: 1000, completedNodes: 1000, failedNodes: 0 });
    expect(report.nodes.every((node) => node.status === 'completed' && node.batches === 1)).toBe(true);
    expect(integrityProblems(join(dir, 'live-backup.sqlite'))).toEqual([]);
    const backup = new BetterSqlite3(join(dir, 'live-backup.sqlite'), { readonly: true });
    expect(backup.prepare('SELECT total_nodes FROM deduction_task').pluck().get()).toBe(1000);
    const completedThen = backup.prepare('SELECT completed_nodes FROM deduction_task').pluck().get() as number;
    const rowsThen = backup.prepare(`SELECT count(*) FROM workflow_node WHERE status = 'completed'`).pluck().get();
    backup.close();
    expect(completedThen).toBeLessThan(1000);
    expect(rowsThen).toBe(completedThen);
  }, 120_000);

  it('refuses an invalid workflow with exit 2 and runs nothing', async () => {
    const dir = tempDir();
    const io = recordingIo();
    expect(await main(['run', join(REPO_ROOT, 'package.json'), '--db', join(dir, 'db.sqlite')], io)).toBe(2);
    expect(io.stderr()).toMatch(/not a valid workflow; nothing was run/);
    const bad = recordingIo();
    expect(await main(['run', example('red-vs-blue.json'), '--var', 'no-equals-sign', '--db', join(dir, 'db.sqlite')], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/expected key=value/);
  });

  it('refuses an http node without url against the shipped catalog, exit 2, before any database or Engine is touched', async () => {
    const dir = tempDir();
    const file = join(dir, 'no-url.json');
    writeFileSync(file, JSON.stringify(flat(['fetch', { agentLoad: 'http', agentConfig: { method: 'GET' } }])));
    const io = recordingIo();
    expect(await main(['run', file, '--db', join(dir, 'db.sqlite')], io)).toBe(2);
    expect(io.stderr()).toMatch(/node "fetch" › agentConfig\.url: the "http" agent "fetch" needs agentConfig\.url, which its manifest requires \[MISSING_CONFIG_FIELD\]/);
    expect(io.stderr()).toMatch(/not a valid workflow; nothing was run/);
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(false);
  });

  it('runs a decision node with the shipped catalog: of its two conditional successors exactly one runs, the other is skipped', async () => {
    const dir = tempDir();
    const file = join(dir, 'decide.json');
    const route = (value: string) => ({ '==': [{ var: 'result.route' }, value] });
    const definition = workflow([
      container('root'),
      { nodeId: 'decide', nodeType: 'agent', parentId: 'root', kind: 'decision', agentConfig: { result: { route: 'patch' } } },
      agent('patch', 'root', { agentConfig: { durationMs: 0 }, dependencies: [{ sourceNodeId: 'decide', type: 'success', condition: route('patch') }] }),
      agent('leave', 'root', { agentConfig: { durationMs: 0 }, dependencies: [{ sourceNodeId: 'decide', type: 'success', condition: route('leave') }] }),
    ]);
    writeFileSync(file, JSON.stringify(definition));
    const db = join(dir, 'db.sqlite');
    const { code, report } = await run([file, '--db', db]);
    expect(code).toBe(0);
    expect(report.task.status).toBe('completed');
    const byId = new Map(report.nodes.map((node) => [node.nodeId, node]));
    expect(byId.get('decide')).toMatchObject({ kind: 'decision', status: 'completed', batches: 1 });
    expect(resultOf(db, 'decide')).toEqual({ route: 'patch' });
    expect([byId.get('patch')?.status, byId.get('leave')?.status]).toEqual(['completed', 'skipped']);
    expect(() => resultOf(db, 'leave')).toThrow(/never ran/);
  }, 60_000);

  it('carries a finished run to another database with export-run and import-run, idempotently', async () => {
    const dir = tempDir();
    const { report } = await run([example('it-ops-maintenance.json'), '--approve', '--var', `healthUrl=${await squatter()}`, '--db', join(dir, 'a.sqlite')]);
    const out = recordingIo();
    expect(await main(['export-run', report.task.id, '--out', join(dir, 'run.ndjson'), '--db', join(dir, 'a.sqlite')], out)).toBe(0);
    expect(out.stdout()).toMatch(/exported task \d+ .* rows/);
    for (const expected of [/imported task/, /already in .*nothing changed/]) {
      const io = recordingIo();
      expect(await main(['import-run', join(dir, 'run.ndjson'), '--db', join(dir, 'b.sqlite')], io)).toBe(0);
      expect(io.stdout()).toMatch(expected);
    }
    const copy = new BetterSqlite3(join(dir, 'b.sqlite'), { readonly: true });
    const status = copy.prepare('SELECT status FROM deduction_task WHERE id = ?').pluck().get(BigInt(report.task.id));
    const transitions = copy.prepare('SELECT count(*) FROM node_state_transition').pluck().get() as number;
    copy.close();
    const original = new BetterSqlite3(join(dir, 'a.sqlite'), { readonly: true });
    expect(transitions).toBe(original.prepare('SELECT count(*) FROM node_state_transition').pluck().get());
    original.close();
    expect(status).toBe('failed');
  }, 90_000);
});
