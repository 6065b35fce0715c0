import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinitionInput } from '../../src/shared/workflow/definition';
import { completedAgents, ENGINE_TOKEN, EngineProcess, runRecord, startRun, writeWorkflow, type CliRun } from '../helpers/engine-processes';
import { useTempDirs } from '../helpers/temp';
import { agent, container, workflow } from '../helpers/workflow';

const engines: EngineProcess[] = [];
const runs: ReturnType<typeof startRun>[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  await Promise.all(engines.splice(0).map((engine) => engine.kill()));
});
const tempDir = useTempDirs();

async function engine(id: string): Promise<EngineProcess> {
  const started = await EngineProcess.start(id);
  engines.push(started);
  return started;
}

/**
 * `stages` containers one after the other, each with `width` sim agents of `durationMs`; the
 * last stage also holds a node that fails on purpose, a handler on its failure edge and a node
 * on its success edge (skipped), so outcomes other than "completed" are compared too.
 */
function staged(stages: number, width: number, durationMs: number): WorkflowDefinitionInput {
  const nodes = [container('root')];
  for (let stage = 1; stage <= stages; stage++) {
    nodes.push(container(`s${stage}`, { parentId: 'root', ...(stage > 1 && { dependencies: [{ sourceNodeId: `s${stage - 1}`, type: 'success' }] }) }));
    for (let index = 1; index <= width; index++) nodes.push(agent(`s${stage}-a${index}`, `s${stage}`, { agentConfig: { durationMs, steps: 2 } }));
  }
  const last = `s${stages}`;
  nodes.push(
    agent('bad', last, { agentConfig: { durationMs, outcome: 'failed' } }),
    agent('on-bad', last, { agentConfig: { durationMs: 0 }, dependencies: [{ sourceNodeId: 'bad', type: 'failure' }] }),
    agent('after-bad', last, { agentConfig: { durationMs: 0 }, dependencies: [{ sourceNodeId: 'bad', type: 'success' }] }),
  );
  return workflow(nodes);
}

function runArgs(file: string, db: string, urls: string[], extra: string[] = []): string[] {
  return [file, '--json', '--db', db, ...urls.flatMap((url) => ['--engine', url]), '--engine-token', ENGINE_TOKEN, ...extra];
}

function reportOf(run: CliRun): { task: { status: string }; nodes: { nodeId: string; status: string }[] } {
  return JSON.parse(run.stdout) as { task: { status: string }; nodes: { nodeId: string; status: string }[] };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Each case starts several Node processes; on a loaded two-core machine one start alone takes seconds.
describe('deduction run --engine, on real `deduction engine` processes', { timeout: 180_000 }, () => {
  const STAGES = 12;
  const WIDTH = 3;
  let steady: EngineProcess[] = [];
  let reference: { run: CliRun; db: string };

  // The reference run (two --engine flags, nothing disturbed, short durations: outcomes do not depend on them).
  beforeAll(async () => {
    steady = [await EngineProcess.start('steady-1'), await EngineProcess.start('steady-2')];
    const dir = mkdtempSync(join(tmpdir(), 'deduction-engines-'));
    const db = join(dir, 'reference.sqlite');
    const run = startRun(runArgs(writeWorkflow(dir, staged(STAGES, WIDTH, 20)), db, steady.map((engine) => engine.url)));
    runs.push(run);
    reference = { run: await run.done, db };
  }, 180_000);
  afterAll(async () => {
    await Promise.all(steady.map((engine) => engine.kill()));
    if (reference) rmSync(join(reference.db, '..'), { recursive: true, force: true });
  }, 60_000);

  it('waits for the Engines given (two --engine flags), then runs the workflow on them to its end', () => {
    expect(reference.run.stderr).not.toMatch(/NO_ENGINE/);
    expect(reference.run.code).toBe(1);
    const report = reportOf(reference.run);
    expect(report.task.status).toBe('failed');
    const record = runRecord(reference.db);
    expect(record.statuses).toMatchObject({ 's1-a1': 'completed', [`s${STAGES}-a${WIDTH}`]: 'completed', bad: 'failed', 'on-bad': 'completed', 'after-bad': 'skipped' });
    expect(record.engineLosses).toBe(0);
    expect(record.badTransitions).toEqual([]);
  });

  it('ends as an undisturbed run when one of two Engines is SIGKILLed mid-run: its nodes run again on the other, no retry spent', async () => {
    const doomed = await engine('doomed');
    const dir = tempDir();
    const db = join(dir, 'killed.sqlite');
    const run = startRun(runArgs(writeWorkflow(dir, staged(STAGES, WIDTH, 400)), db, [steady[0]!.url, doomed.url]));
    runs.push(run);
    await until(async () => (await doomed.running()) > 0, 'the doomed Engine runs nodes', 60_000);
    await doomed.kill();
    const ended = await run.done;
    const record = runRecord(db);
    expect(record.statuses).toEqual(runRecord(reference.db).statuses);
    expect(record.engineLosses).toBeGreaterThan(0);
    expect(record.failedForEngine).toEqual([]);
    expect(record.badTransitions).toEqual([]);
    expect(reportOf(ended).task.status).toBe('failed');
  });

  it('ends as an undisturbed run when its one Engine is restarted 10 times on the same port mid-run', async () => {
    const restarted = await engine('restarted');
    const dir = tempDir();
    const db = join(dir, 'restarted.sqlite');
    const run = startRun(runArgs(writeWorkflow(dir, staged(STAGES, WIDTH, 400)), db, [restarted.url]));
    runs.push(run);
    let restarts = 0;
    let ended = false;
    void run.done.then(() => (ended = true));
    // Each restart hits nodes while they run; the next waits until the run made progress again.
    while (restarts < 10 && !ended) {
      await until(async () => ended || (await restarted.running()) > 0, 'the Engine runs nodes again', 60_000);
      if (ended) break;
      const before = completedAgents(db);
      await restarted.restart();
      restarts++;
      await until(async () => ended || completedAgents(db) > before, 'a node completes after the restart', 60_000);
    }
    const finished = await run.done;
    expect(restarts, `${finished.stderr}\n${JSON.stringify(runRecord(db))}`).toBe(10);
    const record = runRecord(db);
    expect(record.statuses).toEqual(runRecord(reference.db).statuses);
    expect(record.engineLosses).toBeGreaterThan(0);
    expect(record.failedForEngine).toEqual([]);
    expect(record.badTransitions).toEqual([]);
    expect(reportOf(finished).task.status).toBe('failed');
  });

  it('fails at once with one error naming each Engine and why when none comes up', async () => {
    const refusing = steady[0]!;
    const dir = tempDir();
    const unreachable = 'http://127.0.0.1:1';
    const run = startRun([writeWorkflow(dir, staged(1, 1, 0)), '--db', join(dir, 'none.sqlite'), '--engine', refusing.url, '--engine', unreachable, '--engine-token', 'not-the-token-0123456', '--engine-wait', '2']);
    runs.push(run);
    const ended = await run.done;
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/no Engine came up within 2 s:/);
    expect(ended.stderr).toContain(`${refusing.url}: refused the token`);
    expect(ended.stderr).toMatch(new RegExp(`${unreachable.replace(/[.:/]/g, '\\$&')}: unreachable at .*ECONNREFUSED`));
    expect(ended.stderr).toMatch(/waiting for Engines/);
  });
});
