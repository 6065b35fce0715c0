import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { ApiError } from '../../../../src/shared/api/errors';
import type { Problem } from '../../../../src/shared/workflow/problems';
import type { Store } from '../../../../src/main/core/store/store';
import { workflow } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

const count = (table: string) => Number(store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

const nestedWorkflow = () =>
  workflow(
    [
      { nodeId: 'phase', nodeType: 'container', containerConfig: { zone: 'north' } },
      { nodeId: 'inner', nodeType: 'container', parentId: 'phase' },
      { nodeId: 'scout', parentId: 'inner', agentConfig: { range: 5 }, priority: 3, timeoutMs: 1000, retry: { maxRetries: 2 } },
      { nodeId: 'strike', parentId: 'phase', dependencies: [{ sourceNodeId: 'scout', type: 'success', condition: { '==': [{ var: 'result.clear' }, true] } }], join: 'all' },
      { nodeId: 'report', dependencies: [{ sourceNodeId: 'phase', type: 'finish' }], pin: { delayMs: 500 }, activation: { '==': [{ var: 'variables.side' }, 'red'] } },
    ],
    { variables: { side: 'red', turns: 3 } },
  );

describe('createTask', () => {
  it('writes the task, every node with its level, every dependency and a first transition, in one go', () => {
    const result = createTask(store, nestedWorkflow(), { name: 'exercise 7', createdBy: 'alice', variables: { turns: 5 } }, 1_700_000_000_000);
    expect(result).toEqual({ task_id: expect.stringMatching(/^[1-9][0-9]+$/), status: 'pending', total_nodes: 6, total_containers: 3, total_agents: 3 });

    const task = store.first(store.kysely.selectFrom('deduction_task').selectAll().where('id', '=', result.task_id))!;
    expect(task).toMatchObject({ task_name: 'exercise 7', status: 'pending', root_node_id: 'root', total_nodes: 6, total_containers: 3, total_agents: 3, created_by: 'alice' });
    expect(task).toMatchObject({ completed_nodes: 0, failed_nodes: 0, running_nodes: 0, skipped_nodes: 0 });
    expect(JSON.parse(task.variables)).toEqual({ side: 'red', turns: 5 });
    const stored = store.first(store.kysely.selectFrom('deduction_task_snapshot').select('workflow_snapshot').where('task_id', '=', result.task_id))!;
    const snapshot = JSON.parse(stored.workflow_snapshot) as { nodes: { nodeId: string; parentId: string | null; children: string[] }[] };
    expect(snapshot.nodes.find((node) => node.nodeId === 'phase')).toMatchObject({ parentId: 'root', children: ['inner', 'strike'] });

    const nodes = store.all(store.kysely.selectFrom('workflow_node').selectAll().where('task_id', '=', result.task_id).orderBy('id'));
    expect(nodes.map((node) => [node.node_id, node.node_type, node.parent_node_id, node.level, node.is_root])).toEqual([
      ['root', 'container', null, 0, 1],
      ['phase', 'container', 'root', 1, 0],
      ['inner', 'container', 'phase', 2, 0],
      ['scout', 'agent', 'inner', 3, 0],
      ['strike', 'agent', 'phase', 2, 0],
      ['report', 'agent', 'root', 1, 0],
    ]);
    const scout = nodes.find((node) => node.node_id === 'scout')!;
    expect(scout).toMatchObject({ agent_load: 'sim', priority: 3, timeout_ms: 1000, status: 'pending', current_batch: 0 });
    expect(JSON.parse(scout.agent_config!)).toEqual({ range: 5 });
    expect(JSON.parse(scout.retry_policy!)).toEqual({ maxRetries: 2 });
    expect(JSON.parse(nodes.find((node) => node.node_id === 'phase')!.container_config!)).toEqual({ zone: 'north' });
    const report = nodes.find((node) => node.node_id === 'report')!;
    expect(JSON.parse(report.pin!)).toEqual({ delayMs: 500 });
    expect(JSON.parse(report.activation!)).toEqual({ '==': [{ var: 'variables.side' }, 'red'] });

    const dependencies = store.all(store.kysely.selectFrom('node_dependency').selectAll().where('task_id', '=', result.task_id).orderBy('id'));
    expect(dependencies.map((edge) => [edge.node_id, edge.source_node_id, edge.dependency_type, edge.condition === null ? null : JSON.parse(edge.condition)])).toEqual([
      ['strike', 'scout', 'success', { '==': [{ var: 'result.clear' }, true] }],
      ['report', 'phase', 'finish', null],
    ]);

    const transitions = store.all(store.kysely.selectFrom('node_state_transition').selectAll().where('task_id', '=', result.task_id));
    expect(transitions).toHaveLength(6);
    expect(transitions.every((row) => row.from_status === null && row.to_status === 'pending' && row.trigger_type === 'system' && row.operator === 'alice')).toBe(true);
  });

  it('takes the name from the workflow when none is given', () => {
    const result = createTask(store, workflow([{ nodeId: 'a' }], { name: 'Named in the file' }));
    expect(store.first(store.kysely.selectFrom('deduction_task').select('task_name').where('id', '=', result.task_id))!.task_name).toBe('Named in the file');
  });

  it('writes nothing for an invalid workflow and reports every problem', () => {
    const invalid = workflow([
      { nodeId: 'a', dependencies: [{ sourceNodeId: 'b', type: 'success' }] },
      { nodeId: 'b', dependencies: [{ sourceNodeId: 'a', type: 'success' }] },
      { nodeId: 'c', agentLoad: undefined },
    ]);
    let caught: unknown;
    try {
      createTask(store, invalid);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as ApiError;
    const { problems } = error.details as { problems: Problem[] };
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/The workflow is not valid: \d+ errors?; first: /);
    expect(error.reason).toEqual({ key: 'workflow.invalid', params: { count: problems.filter((problem) => problem.severity === 'error').length } });
    expect(problems.filter((problem) => problem.severity === 'error').length).toBeGreaterThanOrEqual(2);
    expect(problems.some((problem) => problem.nodeId === 'c')).toBe(true);
    for (const table of ['deduction_task', 'workflow_node', 'node_dependency', 'node_state_transition']) expect(count(table)).toBe(0);
  });

  it('refuses bad options with a clear message and writes nothing', () => {
    expect(() => createTask(store, workflow([{ nodeId: 'a' }]), { name: '' })).toThrow(/createTask options: Invalid argument name/);
    expect(() => createTask(store, workflow([{ nodeId: 'a' }]), { name: '' })).toThrow(expect.objectContaining({ reason: { key: 'argument.invalid', params: { path: 'name', detail: expect.any(String) } } }));
    expect(() => createTask(store, workflow([{ nodeId: 'a' }]), { schemeId: '12345' })).toThrow(/The scheme, environment or template given for the task does not exist/);
    expect(() => createTask(store, workflow([{ nodeId: 'a' }]), { schemeId: '12345' })).toThrow(expect.objectContaining({ reason: { key: 'options.unknownRow', params: {} } }));
    expect(count('deduction_task')).toBe(0);
    expect(count('workflow_node')).toBe(0);
  });

  it('writes 10,000 nodes in one transaction', () => {
    const nodes = Array.from({ length: 9_999 }, (_, i) => ({ nodeId: `n${i}`, dependencies: i === 0 ? [] : [{ sourceNodeId: `n${i - 1}`, type: 'success' as const }] }));
    const result = createTask(store, workflow(nodes));
    expect(result.total_nodes).toBe(10_000);
    expect(count('workflow_node')).toBe(10_000);
    expect(count('node_dependency')).toBe(9_998);
    expect(count('node_state_transition')).toBe(10_000);
  });
});
