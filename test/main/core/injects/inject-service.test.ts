import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import type { WorkflowDefinitionInput } from '../../../../src/shared/workflow/definition';
import { gatherRunReport } from '../../../../src/main/core/report/gather-report';
import { renderReportHtml } from '../../../../src/shared/report/render-html';
import { REPORT_STRINGS } from '../../../../src/shared/report/report-strings';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { workflow } from '../../../helpers/scheduler';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let runtime: ConsoleRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

const waitFor = (check: () => Promise<void> | void, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 25 });

async function startTask(api: ConsoleRuntime['api'], definition: WorkflowDefinitionInput): Promise<string> {
  const { task_id: taskId } = await api.createTask(definition);
  await api.startTask(taskId);
  return taskId;
}

function fireRows(run: ConsoleRuntime, taskId: string) {
  return run.store.all(run.store.kysely.selectFrom('task_inject_fire').selectAll().where('task_id', '=', taskId).orderBy('inject_id'));
}

function injectTransitions(run: ConsoleRuntime, taskId: string) {
  return run.store.all(
    run.store.kysely.selectFrom('node_state_transition').select(['reason', 'operator', 'trigger_type']).where('task_id', '=', taskId).where('reason', 'like', 'inject %').orderBy('id'),
  );
}

describe('injects', () => {
  it('fires each kind of trigger once and carries out each action: variables set, nodes added, a message reaching the sim agent’s result', async () => {
    runtime = await startTestRuntime(tempDir());
    const definition = workflow([{ nodeId: 'a', agentConfig: { durationMs: 1200, steps: 12 } }], {
      injects: [
        { id: 'at-time', when: { type: 'taskTime', afterMs: 50 }, actions: [{ type: 'setVariables', variables: { phase: 'two' } }] },
        {
          id: 'at-clock',
          name: 'Reinforcements',
          when: { type: 'wallClock', at: Date.now() - 1000 },
          actions: [{ type: 'addNodes', nodes: [{ nodeId: 'extra', nodeType: 'agent', agentLoad: 'sim', parentId: 'root', agentConfig: { durationMs: 10 } }] }],
        },
        { id: 'on-status', when: { type: 'nodeStatus', nodeId: 'a', status: 'running' }, actions: [{ type: 'message', nodeId: 'a', message: { order: 'hold the line' } }] },
        { id: 'by-hand', when: { type: 'manual' }, actions: [{ type: 'setVariables', variables: { manual: true } }] },
      ],
    });
    const taskId = await startTask(runtime.api, definition);
    await waitFor(async () => expect((await runtime!.api.listInjects(taskId)).filter((inject) => inject.state !== 'pending').map((inject) => inject.id).sort()).toEqual(['at-clock', 'at-time', 'on-status']));
    expect((await runtime.api.listInjects(taskId)).find((inject) => inject.id === 'by-hand')).toMatchObject({ state: 'pending', firedBy: null });
    const fired = await runtime.api.fireInject(taskId, 'by-hand');
    expect(fired).toMatchObject({ id: 'by-hand', state: 'fired', firedBy: 'operator' });
    await expect(runtime.api.fireInject(taskId, 'by-hand')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already fired') });

    await waitFor(async () => expect((await runtime!.api.getTask(taskId)).status).toBe('completed'));
    const injects = await runtime.api.listInjects(taskId);
    expect(injects.map((inject) => inject.detail)).toEqual(['set phase', 'added extra', 'message to a', 'set manual']);
    expect(injects.map((inject) => [inject.id, inject.state, inject.firedBy])).toEqual([
      ['at-time', 'fired', null],
      ['at-clock', 'fired', null],
      ['on-status', 'fired', null],
      ['by-hand', 'fired', 'operator'],
    ]);
    expect(injects.find((inject) => inject.id === 'at-time')!.taskTimeMs).toBeGreaterThanOrEqual(50);
    expect(fireRows(runtime, taskId)).toHaveLength(4);
    expect((await runtime.api.getTask(taskId)).variables).toMatchObject({ phase: 'two', manual: true });
    const nodes = await runtime.api.queryNodes(taskId);
    expect(nodes.find((node) => node.nodeId === 'extra')).toMatchObject({ status: 'completed' });
    const a = nodes.find((node) => node.nodeId === 'a')!;
    expect(a.status).toBe('completed');
    expect(a.result).toMatchObject({ messages: [{ message: { order: 'hold the line' }, from: 'on-status' }] });
    const audited = injectTransitions(runtime, taskId);
    expect(audited).toHaveLength(4);
    expect(audited).toContainEqual({ reason: 'inject "by-hand" fired: set manual', operator: 'operator', trigger_type: 'user' });
    expect(audited).toContainEqual({ reason: 'inject "on-status" fired: message to a', operator: null, trigger_type: 'system' });
    const html = renderReportHtml(gatherRunReport(runtime.store, taskId), REPORT_STRINGS.en);
    expect(html).toContain('<h2>Injects</h2>');
    expect(html).toMatch(/<td>by-hand<\/td><td>manual<\/td><td>fired<\/td><td>[^<]+<\/td><td>[\d.]+<\/td><td>operator<\/td><td>set manual<\/td>/);
    expect(html).toContain('<td>at-clock <span class="sub">Reinforcements</span></td><td>wallClock</td><td>fired</td>');
  });

  it('records an inject failed when its agent does not handle messages, and does not fire it again', async () => {
    runtime = await startTestRuntime(tempDir());
    const definition = workflow([{ nodeId: 'gate', agentLoad: 'manual' }], {
      injects: [{ id: 'ask', when: { type: 'nodeStatus', nodeId: 'gate', status: 'running' }, actions: [{ type: 'message', nodeId: 'gate', message: 'are you there?' }] }],
    });
    const taskId = await startTask(runtime.api, definition);
    await waitFor(async () => expect((await runtime!.api.listInjects(taskId))[0]!.state).toBe('failed'));
    const [inject] = await runtime.api.listInjects(taskId);
    expect(inject!.detail).toMatch(/message to "gate": .*does not handle messages/);
    await expect(runtime.api.fireInject(taskId, 'ask')).rejects.toMatchObject({ code: 'CONFLICT' });
    await runtime.api.decideManual(taskId, 'gate', { approved: true });
    await waitFor(async () => expect((await runtime!.api.getTask(taskId)).status).toBe('completed'));
    expect(fireRows(runtime, taskId)).toHaveLength(1);
    expect(injectTransitions(runtime, taskId).map((row) => row.reason)).toEqual(['inject "ask" fired: message to gate', expect.stringMatching(/^inject "ask" failed: message to "gate"/)]);
  });

  it('fires across a restart what came due while no console ran, and never fires twice what had fired', async () => {
    const dir = tempDir();
    runtime = await startTestRuntime(dir);
    const definition = workflow([{ nodeId: 'long', agentConfig: { durationMs: 2500, steps: 5 } }], {
      injects: [
        { id: 'early', when: { type: 'taskTime', afterMs: 0 }, actions: [{ type: 'setVariables', variables: { early: 1 } }] },
        { id: 'late', when: { type: 'taskTime', afterMs: 600 }, actions: [{ type: 'setVariables', variables: { late: 1 } }] },
        { id: 'requested', when: { type: 'manual' }, actions: [{ type: 'setVariables', variables: { requested: 1 } }] },
      ],
    });
    const taskId = await startTask(runtime.api, definition);
    await waitFor(async () => expect((await runtime!.api.listInjects(taskId))[0]!.state).toBe('fired'));
    expect((await runtime.api.listInjects(taskId))[1]!.state).toBe('pending');
    await runtime.close();

    // While no console runs the task: the late inject comes due, and an operator asks for the manual one from elsewhere.
    const { openStore } = await import('../../../../src/main/core/store/store');
    const { requestInject } = await import('../../../../src/main/core/injects/inject-rows');
    const { MIGRATIONS_DIR } = await import('../../../helpers/paths');
    const { join } = await import('node:path');
    const store = await openStore({ file: join(dir, 'console.sqlite'), migrationsDir: MIGRATIONS_DIR });
    expect(requestInject(store, taskId, 'requested', 'alice', Date.now())).toMatchObject({ state: 'pending', firedBy: 'alice' });
    store.close();
    await new Promise((resolve) => setTimeout(resolve, 700));

    runtime = await startTestRuntime(dir);
    await waitFor(async () => expect((await runtime!.api.listInjects(taskId)).map((inject) => inject.state)).toEqual(['fired', 'fired', 'fired']));
    await waitFor(async () => expect((await runtime!.api.getTask(taskId)).status).toBe('completed'));
    expect(fireRows(runtime, taskId).map((row) => [row.inject_id, row.state, row.operator])).toEqual([
      ['early', 'fired', null],
      ['late', 'fired', null],
      ['requested', 'fired', 'alice'],
    ]);
    expect(injectTransitions(runtime, taskId)).toHaveLength(3);
    expect((await runtime.api.getTask(taskId)).variables).toMatchObject({ early: 1, late: 1, requested: 1 });
  });
});
