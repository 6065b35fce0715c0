import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

const manual = (nodeId: string, extra: Record<string, unknown> = {}) => ({ nodeId, nodeType: 'agent' as const, parentId: 'root', agentLoad: 'manual', ...extra });

const WORKFLOW = {
  name: 'change approval',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    manual('named', { assignee: 'alice' }),
    manual('db-1', { requiredSkills: ['db'] }),
    manual('db-2', { requiredSkills: ['db'] }),
    manual('gpu', { requiredSkills: ['gpu'] }),
    manual('free'),
  ],
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let runtime: ConsoleRuntime;
let taskId: string;

beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
  await runtime.api.saveOperator({ name: 'alice', skills: ['db', 'linux'] });
  await runtime.api.saveOperator({ name: 'bob', skills: ['db'] });
  await runtime.api.saveOperator({ name: 'carol', supervisor: true });
  taskId = (await runtime.api.createTask(WORKFLOW)).task_id;
  // alice already has one open step (named) when the db steps are assigned, so they alternate from bob.
  await runtime.api.startTask(taskId);
  await until(
    () => runtime.api.listPendingApprovals(),
    (pending) => pending.filter((step) => step.taskId === taskId).length === 5,
  );
}, 60_000);
afterAll(() => runtime.close());

describe('manual steps assigned to operators', () => {
  it('assigns the named operator, or the one with the skills and the fewest open steps, and lists them as pending', async () => {
    const pending = await runtime.api.listPendingApprovals();
    const assignee = (nodeId: string) => pending.find((step) => step.nodeId === nodeId)?.assignee;
    expect(assignee('named')).toBe('alice');
    expect([assignee('db-1'), assignee('db-2')].sort()).toEqual(['alice', 'bob']);
    expect(assignee('gpu')).toBeNull();
    expect(assignee('free')).toBeNull();
    expect(pending.find((step) => step.nodeId === 'gpu')?.requiredSkills).toEqual(['gpu']);
    const detail = await runtime.api.getNodeDetail(taskId, 'named');
    expect(detail.assignees).toEqual([expect.objectContaining({ batch: 1, assignee: 'alice', source: 'definition' })]);
    const operators = await runtime.api.listOperators();
    expect(operators.map((operator) => [operator.name, operator.openSteps])).toEqual([
      ['alice', 2],
      ['bob', 1],
      ['carol', 0],
    ]);
  });

  it('refuses a decision by another operator, naming the assignee, and takes the assignee’s', async () => {
    await expect(runtime.apiFor('bob').decideManual(taskId, 'named', { approved: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('assigned to alice'),
    });
    await runtime.apiFor('alice').decideManual(taskId, 'named', { approved: true });
    await until(
      () => runtime.api.queryNodes(taskId),
      (nodes) => nodes.find((node) => node.nodeId === 'named')?.status === 'completed',
    );
  });

  it('lets a supervisor decide any step, and only a supervisor decide one nobody has the skills for', async () => {
    await expect(runtime.apiFor('bob').decideManual(taskId, 'gpu', { approved: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('only a supervisor'),
    });
    const db = (await runtime.api.listPendingApprovals()).find((step) => step.assignee === 'bob')!;
    await runtime.apiFor('carol').decideManual(taskId, db.nodeId, { approved: false, comment: 'not tonight' });
    await runtime.apiFor('carol').decideManual(taskId, 'gpu', { approved: true });
    // Unassigned steps are decided by anyone with the operator role, as before.
    await runtime.apiFor('dave').decideManual(taskId, 'free', { approved: true });
    const nodes = await until(
      () => runtime.api.queryNodes(taskId),
      (list) => ['gpu', 'free', db.nodeId].every((id) => list.find((node) => node.nodeId === id)?.status !== 'running'),
    );
    expect(nodes.find((node) => node.nodeId === db.nodeId)?.status).toBe('failed');
    expect(nodes.find((node) => node.nodeId === 'gpu')?.status).toBe('completed');
  });

  it('counts the local desktop user as a supervisor', async () => {
    const step = (await runtime.api.listPendingApprovals()).find((entry) => entry.taskId === taskId)!;
    expect(step.assignee).toBe('alice');
    await runtime.api.decideManual(taskId, step.nodeId, { approved: true });
    const pending = await until(
      () => runtime.api.listPendingApprovals(),
      (list) => list.every((entry) => entry.taskId !== taskId),
    );
    expect(pending).toEqual([]);
  });
});
