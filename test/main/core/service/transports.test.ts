import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleClient, type ConsoleTransport } from '../../../../src/shared/api/client';
import { CONSOLE_METHOD_NAMES, type ConsoleApi, type ConsoleClient, type ConsoleMethodName } from '../../../../src/shared/api/contract';
import type { CallResult } from '../../../../src/shared/api/errors';
import { HOST_SOCKET } from '../../../../src/shared/api/host-protocol';
import type { NodeView } from '../../../../src/shared/task/nodes';
import type { NodeStatus } from '../../../../src/shared/status';
import { startHeadlessHost, type HeadlessHost } from '../../../../src/main/core/host/headless-host';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { EventHub } from '../../../../src/main/core/service/event-hub';
import { registerConsoleApi } from '../../../../src/main/ipc';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';
import { SCHEMA_VERSION } from '../../../helpers/store';

const TOKEN = 'transport-test-token-0123456789';
const tempDir = useTempDirs();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const WORKFLOW = {
  name: 'transport scenario',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'approve', nodeType: 'agent', parentId: 'root', agentLoad: 'manual' },
    {
      nodeId: 'work',
      nodeType: 'agent',
      parentId: 'root',
      agentLoad: 'sim',
      agentConfig: { durationMs: 300, steps: 3, logLinesPerSecond: 50, cpuPercent: 10, memoryMb: 10, result: { verdict: 'holds the bridge' } },
      dependencies: [{ sourceNodeId: 'approve', type: 'success' }],
    },
    { nodeId: 'flaky', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10, outcome: 'failed' } },
    { nodeId: 'long', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 600_000 } },
    { nodeId: 'later', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10 }, dependencies: [{ sourceNodeId: 'long', type: 'success' }] },
  ],
};

async function viaWebSocket(runtime: ConsoleRuntime, operator: string): Promise<ConsoleTransport> {
  const host: HeadlessHost = await startHeadlessHost({ apiFor: (session) => runtime.apiFor(session.operator, session.role), events: new EventHub(), tokens: { operator: TOKEN, operatorName: operator } });
  const socket: Socket = connect(host.url, { auth: { token: TOKEN }, transports: ['websocket'] });
  cleanups.push(() => host.close(), () => void socket.close());
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    call: (method, args) => new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve)),
    subscribe: () => () => undefined,
  };
}

/** Electron's ipcMain and ipcRenderer.invoke, reduced to the request/response they perform. */
async function viaIpc(runtime: ConsoleRuntime, operator: string): Promise<ConsoleTransport> {
  await runtime.api.updateSettings({ operatorName: operator });
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<CallResult>>();
  const sender = { mainFrame: {} };
  const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler), on: () => undefined };
  registerConsoleApi(ipcMain as never, runtime.api, runtime.events, (event) => (event as { sender: unknown }).sender === sender);
  return {
    call: (method, args) => handlers.get(`console:${method}`)!({ sender, senderFrame: sender.mainFrame }, ...structuredClone(args)),
    subscribe: () => () => undefined,
  };
}

/** Records which methods a scenario called, so the test can tell one was left out. */
function recording(client: ConsoleClient): { client: ConsoleClient; called: Set<ConsoleMethodName> } {
  const called = new Set<ConsoleMethodName>();
  const proxy = new Proxy(client, {
    get(target, property, receiver) {
      if (typeof property === 'string' && (CONSOLE_METHOD_NAMES as string[]).includes(property)) called.add(property as ConsoleMethodName);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { client: proxy, called };
}

async function until(api: ConsoleApi, taskId: string, nodeId: string, statuses: NodeStatus[], timeoutMs = 20_000): Promise<NodeView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const node = (await api.queryNodes(taskId)).find((view) => view.nodeId === nodeId)!;
    if (statuses.includes(node.status)) return node;
    if (Date.now() > deadline) throw new Error(`${nodeId} is ${node.status}, not ${statuses.join('/')}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One deduction driven end to end through a transport, touching every method of the contract. */
async function scenario(api: ConsoleClient, operator: string): Promise<void> {
  expect((await api.getAppStatus()).store.schemaVersion).toBe(SCHEMA_VERSION);
  expect((await api.getSettings()).operatorName).toBe(operator === 'ipc-operator' ? operator : 'operator');
  expect((await api.updateSettings({ theme: 'dark' })).theme).toBe('dark');

  expect((await api.validateWorkflow(WORKFLOW)).ok).toBe(true);
  expect((await api.validateWorkflow({ name: 'broken', nodes: [] })).problems.length).toBeGreaterThan(0);
  const imported = await api.importWorkflow({ fileName: 'scenario.json', text: JSON.stringify(WORKFLOW) });
  expect(imported.definition?.nodes).toHaveLength(6);
  expect(await api.exportWorkflow({ definition: WORKFLOW, format: 'bpmn' })).toMatch(/<(\w+:)?definitions[\s\S]*id="approve"/);
  const saved = await api.saveTemplate({ definition: WORKFLOW });
  expect(saved).toMatchObject({ ok: true, template: { name: 'transport scenario', version: 1, createdBy: operator } });
  expect(await api.listTemplates()).toHaveLength(1);
  expect(await api.listTemplateVersions('transport scenario')).toHaveLength(1);
  expect((await api.loadTemplate({ name: 'transport scenario' })).definition.nodes).toHaveLength(6);
  expect(await api.diffTemplates({ name: 'transport scenario', from: 1, to: 1 })).toMatchObject({ nodes: { added: [], removed: [] } });
  const trigger = await api.createTrigger({ templateName: 'transport scenario', spec: { type: 'schedule', cron: '0 3 * * *', timezone: 'Asia/Shanghai' } });
  expect(trigger).toMatchObject({ owner: operator, source: 'manual', paused: false, nextFireAt: expect.any(Number) });
  expect(await api.updateTrigger(trigger.id, { type: 'http', name: 'hook' })).toMatchObject({ kind: 'http', nextFireAt: null });
  expect((await api.pauseTrigger(trigger.id)).paused).toBe(true);
  await expect(api.fireTrigger(trigger.id, { ticket: 1 })).rejects.toMatchObject({ code: 'CONFLICT', reason: { key: 'trigger.paused', params: { id: trigger.id } } });
  expect((await api.resumeTrigger(trigger.id)).paused).toBe(false);
  expect(await api.listTriggers({ templateName: 'transport scenario' })).toHaveLength(1);
  await api.deleteTrigger(trigger.id);
  expect(await api.listTriggers()).toEqual([]);

  const [engine] = await api.listEngines();
  expect(engine).toMatchObject({ status: 'connected', engineId: 'embedded' });
  expect((await api.getAgentCatalog()).map((entry) => entry.agentLoad)).toEqual(expect.arrayContaining(['sim', 'manual', 'red-team']));

  const scheme = await api.createScheme({ name: 'transport drill' });
  expect(await api.updateScheme(scheme.id, { description: 'over the wire' })).toMatchObject({ description: 'over the wire', createdBy: operator });
  expect((await api.listSchemes()).map((each) => each.name)).toEqual(['transport drill']);
  const lab = await api.createEnvironment({ name: 'transport lab', engines: [{ url: 'ws://127.0.0.1:1', token: 'lab-token-0123' }] });
  expect(await api.updateEnvironment(lab.id, { strategy: 'weighted' })).toMatchObject({ strategy: 'weighted', engines: [{ url: 'ws://127.0.0.1:1', token: '********' }] });
  expect((await api.listEnvironments()).map((each) => each.name)).toEqual(['transport lab']);
  expect((await api.archiveEnvironment(lab.id)).status).toBe('disabled');

  const created = await api.createTask(WORKFLOW, { name: 'scenario run', schemeId: scheme.id });
  expect((await api.archiveScheme(scheme.id)).taskCount).toBe(1);
  expect(created).toMatchObject({ status: 'pending', total_nodes: 6, total_containers: 1, total_agents: 5 });
  const taskId = created.task_id;
  expect((await api.listTasks()).map((task) => task.taskId)).toContain(taskId);
  expect(await api.getTask(taskId)).toMatchObject({ name: 'scenario run', status: 'pending', rootNodeId: 'root', createdBy: operator });

  await api.startTask(taskId);
  await api.pauseTask(taskId);
  expect((await api.getTask(taskId)).status).toBe('paused');
  await api.resumeTask(taskId);
  expect(await api.setTaskClock(taskId, { action: 'rate', rate: 4 })).toMatchObject({ clock: { rate: 4, paused: false } });
  expect((await api.getTaskClock(taskId)).changes).toEqual([expect.objectContaining({ action: 'rate', operator })]);

  await until(api, taskId, 'approve', ['running']);
  expect((await api.listPendingApprovals()).map((step) => [step.nodeId, step.assignee])).toEqual([['approve', null]]);
  expect(await api.saveOperator({ name: 'ops-lead', skills: ['db'], supervisor: true })).toEqual({ name: 'ops-lead', skills: ['db'], supervisor: true, openSteps: 0 });
  expect((await api.listOperators()).map((each) => each.name)).toEqual(['ops-lead']);
  await api.removeOperator('ops-lead');
  await api.decideManual(taskId, 'approve', { approved: true, comment: 'go' });
  await until(api, taskId, 'work', ['completed']);
  expect(await api.rerunFrom(taskId, 'work')).toBeGreaterThanOrEqual(1);
  await until(api, taskId, 'work', ['completed']);

  await until(api, taskId, 'flaky', ['failed']);
  const failure = (await api.listAlerts({ state: ['open'], taskId })).find((alert) => alert.kind === 'node-failed' && alert.nodeId === 'flaky')!;
  expect(failure).toMatchObject({ taskName: 'scenario run', state: 'open' });
  expect(await api.acknowledgeAlert(failure.id)).toMatchObject({ state: 'acknowledged', acknowledgedBy: operator });
  expect(await api.resolveAlert(failure.id)).toMatchObject({ state: 'resolved', resolvedBy: operator });
  expect((await api.getTaskHealth(taskId)).failureRate).toBeGreaterThan(0);
  expect((await api.getForecast(taskId)).nodes.map((node) => node.nodeId)).toHaveLength(6);
  expect((await api.compareRuns(taskId, taskId)).counts.differing).toBe(0);
  const mark = await api.addBookmark(taskId, { kind: 'annotation', taskTimeMs: 5, text: 'over the wire' });
  expect(mark).toMatchObject({ author: operator, text: 'over the wire' });
  expect(await api.listBookmarks(taskId)).toHaveLength(1);
  await api.deleteBookmark(taskId, mark.bookmarkId);
  expect(await api.listInjects(taskId)).toEqual([]);
  await expect(api.fireInject(taskId, 'none')).rejects.toMatchObject({ code: 'NOT_FOUND', reason: { key: 'inject.notFound', params: { taskId, injectId: 'none' } } });
  expect((await api.retryFailed(taskId)).restarted).toHaveLength(1);
  await until(api, taskId, 'flaky', ['failed']);
  await api.restartNode(taskId, 'flaky');
  await until(api, taskId, 'flaky', ['failed']);

  await until(api, taskId, 'long', ['running']);
  expect(await api.setTaskVariables(taskId, { sector: 'north' }, 'over the wire')).toEqual([{ name: 'sector', after: 'north' }]);
  const extra = { nodeId: 'extra', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'long', type: 'success' }] };
  expect(await api.addNodes(taskId, { nodes: [extra] })).toEqual({ added: ['extra'] });
  expect(await api.removeNode(taskId, 'extra')).toEqual({ removed: ['extra'] });
  await api.stopNode(taskId, 'long', 'not needed');
  await until(api, taskId, 'long', ['stopped']);
  await api.holdNode(taskId, 'later', { reason: 'wait for orders' });
  expect((await api.queryNodes(taskId, { status: 'held' })).map((node) => node.nodeId)).toEqual(['later']);
  await api.releaseNode(taskId, 'later');
  expect((await api.listTransitions({ taskId, nodeId: 'later' })).filter((each) => each.to === 'held')).toMatchObject([{ trigger: 'user', operator, reason: 'held: wait for orders' }]);
  await api.skipNode(taskId, 'later');
  expect((await api.queryNodes(taskId, { status: 'skipped' })).map((node) => node.nodeId)).toEqual(['later']);

  const detail = await api.getNodeDetail(taskId, 'long');
  expect(detail.transitions.find((transition) => transition.to === 'stopped')).toMatchObject({ trigger: 'user', operator });
  const executions = await api.listExecutions(taskId);
  expect(executions.filter((execution) => execution.nodeId === 'work').map((execution) => execution.batch)).toEqual([1, 2]);
  expect(await api.rerunNode(taskId, 'work', { config: { durationMs: 20, steps: 1, result: { verdict: 'holds the river' } } })).toEqual({ nodes: 1, configChanged: true });
  await until(api, taskId, 'work', ['completed']);
  expect((await api.listTransitions({ taskId, nodeId: 'approve' })).map((transition) => transition.to)).toContain('completed');

  const logs = await api.queryLogs({ taskId, nodeId: 'work' });
  expect(logs.lines.length).toBeGreaterThan(0);
  expect((await api.getProgressSeries({ taskId, points: 10 })).points.length).toBeGreaterThan(0);
  expect((await api.getResourceSeries({ scope: 'task', taskId, points: 10 })).bucketMs).toBeGreaterThanOrEqual(0);

  const csv = await api.exportRunReport({ taskId, format: 'csv', language: 'zh-CN' });
  expect(csv).toMatchObject({ fileName: `nodes-scenario-run-${taskId}.csv`, mimeType: 'text/csv;charset=utf-8', encoding: 'utf8' });
  expect(csv.content).toMatch(/^\uFEFF节点,/);
  expect(csv.content).toContain('flaky');
  const html = await api.exportRunReport({ taskId, format: 'html', language: 'en', timeZone: 'Asia/Shanghai' });
  expect(html.content).toMatch(/^<!DOCTYPE html>[\s\S]*Run report: scenario run[\s\S]*simulated failure/);
  await expect(api.exportRunReport({ taskId, format: 'pdf', language: 'en' })).rejects.toMatchObject({ name: 'ApiError', code: 'UNAVAILABLE', reason: { key: expect.stringMatching(/^report\.pdf/) } });

  await api.stopTask(taskId, 'scenario over');
  expect((await api.getTask(taskId)).status).toBe('stopped');
  // Each refusal keeps, beside its English message, the reason the window words in its language.
  await expect(api.getTask('123')).rejects.toMatchObject({ name: 'ApiError', code: 'NOT_FOUND', reason: { key: 'task.notFound', params: { taskId: '123' } } });
  await expect(api.getNodeDetail(taskId, '侦察')).rejects.toMatchObject({ code: 'NOT_FOUND', reason: { key: 'node.notFound', params: { taskId, nodeId: '侦察' } } });
  await expect(api.startTask(taskId)).rejects.toMatchObject({
    name: 'ApiError',
    code: 'CONFLICT',
    message: `Task ${taskId} is stopped; only a pending task can be started`,
    reason: { key: 'task.notPending', params: { taskId, status: 'stopped' } },
  });
  await expect(api.getTask(42 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', reason: { key: 'argument.invalid', params: { path: '0' } } });

  expect(await api.setTemplateTags('transport scenario', ['ops', 'drill'])).toMatchObject({ tags: ['ops', 'drill'] });
  expect(await api.setTemplateStatus('transport scenario', 'draft')).toMatchObject({ status: 'draft' });
  expect((await api.listTemplates({ tag: 'OPS', search: 'scenario' })).map((template) => template.name)).toEqual(['transport scenario']);
  await api.saveTemplate({ definition: WORKFLOW, name: 'spare' });
  expect(await api.archiveTemplate('spare')).toMatchObject({ status: 'archived' });
  expect((await api.listTemplates()).map((template) => template.name)).toEqual(['transport scenario']);
  expect(await api.deleteTemplate('spare')).toEqual({ outcome: 'deleted', versions: 1 });

  const preview = await api.previewTaskDeletion({ taskIds: [taskId] });
  expect(preview.tasks.map((task) => task.taskId)).toEqual([taskId]);
  expect(preview.logLines).toBeGreaterThan(0);
  expect(await api.archiveTasks({ taskIds: [taskId] })).toBe(1);
  expect((await api.listTasks()).map((task) => task.taskId)).not.toContain(taskId);
  expect(await api.unarchiveTasks({ taskIds: [taskId] })).toBe(1);
  expect(await api.deleteTasks({ taskIds: [taskId] })).toEqual({ deleted: [taskId], logLines: preview.logLines, skipped: [] });
  await expect(api.getTask(taskId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

  expect((await api.listBackups()).backups).toEqual([]);
  const backup = await api.backupNow();
  expect(backup).toMatchObject({ verified: true, error: null });
  expect(backup.bytes).toBeGreaterThan(0);
  expect((await api.listBackups()).backups.map((each) => each.file)).toEqual([backup.file]);
  expect((await api.restoreBackup({ file: backup.file })).stagedAs).toMatch(/restore-pending$/);
  await expect(api.restoreBackup({ file: '../elsewhere.gz' })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: { key: 'backup.notFound' } });
}

describe('every ConsoleApi method, through every transport, against the real core', () => {
  for (const [name, transport] of [
    ['websocket', viaWebSocket],
    ['ipc', viaIpc],
  ] as const) {
    it(`drives a deduction end to end over ${name}`, async () => {
      const runtime = await startTestRuntime(tempDir());
      cleanups.push(() => runtime.close());
      const operator = `${name}-operator`;
      const { client, called } = recording(createConsoleClient(await transport(runtime, operator)));
      await scenario(client, operator);
      expect(CONSOLE_METHOD_NAMES.filter((method) => !called.has(method))).toEqual([]);
    }, 60_000);
  }
});
