import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessHost, type HeadlessHost } from '../../../../../src/main/core/host/headless-host';
import { REST_PREFIX } from '../../../../../src/main/core/host/rest/router';
import type { ConsoleRuntime } from '../../../../../src/main/core/runtime';
import { startTestRuntime } from '../../../../helpers/console-runtime';
import { OpenApiValidator } from '../../../../helpers/openapi';
import { workflow } from '../../../../helpers/scheduler';
import { useTempDirs } from '../../../../helpers/temp';

const OPERATOR = 'operator-token-0123456789';
const VIEWER = 'viewer-token-0123456789ab';
const tempDir = useTempDirs();
const openapi = new OpenApiValidator();

let runtime: ConsoleRuntime;
let host: HeadlessHost;

beforeEach(async () => {
  runtime = await startTestRuntime(tempDir());
  host = await startHeadlessHost({
    apiFor: (session) => runtime.apiFor(session.operator, session.role),
    events: runtime.events,
    tokens: { operator: OPERATOR, viewer: VIEWER },
  });
});
afterEach(async () => {
  await host.close();
  await runtime.close();
});

async function fire(triggerId: string, body: unknown, token = OPERATOR) {
  const path = `${REST_PREFIX}/trigger/${triggerId}/fire`;
  const response = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { code: number; message: string; data: { trigger_id: string; task_id: string; status: string } | null };
  expect(openapi.checkResponse('POST', `${REST_PREFIX}/trigger/{trigger_id}/fire`, response.status, answer)).toEqual([]);
  return { status: response.status, answer };
}

describe('HTTP triggers on the headless host', () => {
  it('starts a task of the template over HTTP with the body as variables, for an operator only', async () => {
    const saved = await runtime.api.saveTemplate({ definition: workflow([{ nodeId: 'a' }], { name: 'deploy', triggers: [{ type: 'http', name: 'from CI', variables: { env: 'staging', dryRun: true } }] }) });
    expect(saved.ok).toBe(true);
    const [trigger] = await runtime.api.listTriggers({ templateName: 'deploy' });
    expect(trigger).toMatchObject({ kind: 'http', paused: false, nextFireAt: null });

    const fired = await fire(trigger!.id, { env: 'production', build: 412 });
    expect(fired.status).toBe(200);
    const taskId = fired.answer.data!.task_id;
    expect(fired.answer.data).toMatchObject({ trigger_id: trigger!.id, task_id: taskId });
    const task = runtime.store.first(runtime.store.kysely.selectFrom('deduction_task').select(['variables', 'created_by', 'template_id']).where('id', '=', taskId))!;
    expect(JSON.parse(task.variables)).toMatchObject({ env: 'production', dryRun: true, build: 412, trigger: { id: trigger!.id, kind: 'http', name: 'from CI', via: 'http', by: 'operator' } });
    expect(task.template_id).toBe(saved.ok ? saved.template.id : null);
    expect((await runtime.api.listTriggers())[0]).toMatchObject({ lastTaskId: taskId, lastError: null });

    const viewer = await fire(trigger!.id, {}, VIEWER);
    expect(viewer.status).toBe(403);
    expect(viewer.answer.message).toBe(`POST ${REST_PREFIX}/trigger/${trigger!.id}/fire changes the deduction and needs an operator token; this token is a viewer's, which may only GET`);

    await runtime.api.pauseTrigger(trigger!.id);
    const paused = await fire(trigger!.id, {});
    expect(paused).toMatchObject({ status: 409, answer: { message: `Trigger ${trigger!.id} is paused; resume it before firing it`, data: null } });

    expect((await fire('424242', {})).answer).toMatchObject({ code: 404, message: 'There is no trigger 424242' });
    expect((await fire(trigger!.id, [1, 2])).status).toBe(400);
    expect(runtime.store.all(runtime.store.kysely.selectFrom('deduction_task').select('id'))).toHaveLength(1);
  });
});
