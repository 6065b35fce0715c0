import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRun } from '../../../../src/main/core/bundles/export-run';
import { importRun } from '../../../../src/main/core/bundles/import-run';
import { gatherRunReport } from '../../../../src/main/core/report/gather-report';
import type { Store } from '../../../../src/main/core/store/store';
import { createTask } from '../../../../src/main/core/tasks/create-task';
import { queryNodes } from '../../../../src/main/core/tasks/query-nodes';
import { getTask } from '../../../../src/main/core/tasks/task-queries';
import { ApiError } from '../../../../src/shared/api/errors';
import { toEngineRequest } from '../../../../src/shared/workflow/engine-format';
import type { NormalizedWorkflowDefinition } from '../../../../src/shared/workflow/normalized';
import { bundleLines, rechain, writeLines } from '../../../helpers/run-bundle';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';
import { workflow } from '../../../helpers/scheduler';

const tempDir = useTempDirs();
let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

const DESIGNED = workflow([
  { nodeId: 'box', nodeType: 'container', containerType: 'docker', envConfig: { region: '华东' }, bizValue: { budget: 3 } },
  { nodeId: 'red', parentId: 'box', agentMetaId: '9007199254740993', agentUrl: 'https://agents.example/red.tgz', envConfig: { GPU: '1' }, bizValue: { side: 'red' } },
  { nodeId: 'blue', parentId: 'box' },
]);

const NODE_FIELDS = ['agentMetaId', 'agentUrl', 'containerType', 'envConfig', 'bizValue'] as const;
const fieldsOf = (node: Record<string, unknown>) => Object.fromEntries(NODE_FIELDS.map((field) => [field, node[field] ?? null]));
const EXPECTED = {
  root: { agentMetaId: null, agentUrl: null, containerType: null, envConfig: null, bizValue: null },
  box: { agentMetaId: null, agentUrl: null, containerType: 'docker', envConfig: { region: '华东' }, bizValue: { budget: 3 } },
  red: { agentMetaId: '9007199254740993', agentUrl: 'https://agents.example/red.tgz', containerType: null, envConfig: { GPU: '1' }, bizValue: { side: 'red' } },
  blue: { agentMetaId: null, agentUrl: null, containerType: null, envConfig: null, bizValue: null },
};

function viewFields(target: Store, taskId: string): Record<string, unknown> {
  return Object.fromEntries(queryNodes(target, taskId).map((node) => [node.nodeId, fieldsOf(node as unknown as Record<string, unknown>)]));
}

describe('the design fields of tasks and nodes', () => {
  it('carries the design fields from the definition through the store and views to the Engine request, the report and a run bundle', async () => {
    const { task_id } = createTask(store, DESIGNED, { name: 'drill', description: '红蓝对抗演练' });
    const row = store.db.prepare(`SELECT agent_meta_id, typeof(agent_meta_id) AS kind, env_config FROM workflow_node WHERE node_id = 'red'`).get() as Record<string, unknown>;
    expect(row).toEqual({ agent_meta_id: 9007199254740993n, kind: 'integer', env_config: '{"GPU":"1"}' });
    expect(viewFields(store, task_id)).toEqual(EXPECTED);
    const detail = getTask(store, task_id);
    expect([detail.description, detail.engineTaskId, detail.engineUrl]).toEqual(['红蓝对抗演练', null, null]);

    const request = toEngineRequest(task_id, detail.workflow as NormalizedWorkflowDefinition);
    expect(Object.fromEntries(request.body.map((node) => [node.id, fieldsOf(node)]))).toEqual(EXPECTED);

    const report = gatherRunReport(store, task_id);
    expect(report.task.description).toBe('红蓝对抗演练');
    expect(report.nodes.find((node) => node.nodeId === 'red')).toMatchObject({ agentMetaId: '9007199254740993', envConfig: '{"GPU":"1"}', bizValue: '{"side":"red"}' });

    store.db.prepare(`UPDATE deduction_task SET engine_task_id = ?, engine_url = 'wss://engine-a:7100' WHERE id = ?`).run(task_id, BigInt(task_id));
    const file = join(tempDir(), 'run.ndjson');
    exportRun(store, task_id, file);
    const target = await openTestStore();
    try {
      // The importing database has its own "drill": the imported one is numbered.
      createTask(target, DESIGNED, { name: 'drill' });
      expect(importRun(target, file).status).toBe('imported');
      expect(viewFields(target, task_id)).toEqual(EXPECTED);
      const imported = getTask(target, task_id);
      expect([imported.name, imported.description, imported.engineTaskId, imported.engineUrl]).toEqual(['drill (2)', '红蓝对抗演练', task_id, 'wss://engine-a:7100']);
    } finally {
      target.close();
    }
  });

  it('imports a bundle written before the design fields existed, leaving them empty', async () => {
    const { task_id } = createTask(store, DESIGNED, { name: 'drill' });
    const file = join(tempDir(), 'run.ndjson');
    exportRun(store, task_id, file);
    const added = new Set(['description', 'engine_task_id', 'engine_url', 'agent_meta_id', 'agent_url', 'container_type', 'env_config', 'biz_value']);
    const old = bundleLines(file).map((line, index) => {
      if (index === 0 || line.startsWith('{"end"')) return line;
      const parsed = JSON.parse(line) as { t: string; r: Record<string, unknown> };
      for (const column of Object.keys(parsed.r)) if (added.has(column)) delete parsed.r[column];
      return JSON.stringify({ t: parsed.t, r: parsed.r });
    });
    const target = await openTestStore();
    try {
      expect(importRun(target, writeLines(tempDir(), 'old.ndjson', rechain(old))).status).toBe('imported');
      expect(Object.values(viewFields(target, task_id))).toEqual(Object.values(EXPECTED).map(() => EXPECTED.blue));
      expect(getTask(target, task_id).description).toBeNull();
    } finally {
      target.close();
    }
  });

  it('refuses a task name another task has, and numbers the workflow name when it is taken', () => {
    createTask(store, DESIGNED, { name: 'drill' });
    const clash = (() => {
      try {
        createTask(store, DESIGNED, { name: 'drill' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(clash).toBeInstanceOf(ApiError);
    expect(clash).toMatchObject({ code: 'CONFLICT', reason: { key: 'task.nameTaken', params: { name: 'drill' } } });
    expect((clash as ApiError).message).toBe('A task named "drill" already exists; task names are unique: choose another name');
    expect(Number(store.db.prepare('SELECT count(*) FROM deduction_task').pluck().get())).toBe(1);

    const named = (definition: typeof DESIGNED) => getTask(store, createTask(store, definition).task_id).name;
    expect([named(DESIGNED), named(DESIGNED), named(DESIGNED)]).toEqual(['test workflow', 'test workflow (2)', 'test workflow (3)']);
  });
});
