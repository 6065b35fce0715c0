import { expect, test, type Page } from '@playwright/test';
import type { z } from 'zod';
import { CONSOLE_METHOD_NAMES, CONSOLE_METHODS, type ConsoleMethodName } from '../../src/shared/api/contract';
import type { WorkflowDefinition } from '../../src/shared/workflow/definition';
import { MONITOR_TABS, type MonitorTab } from '../../src/renderer/src/shell/route';
import { connectBrowserConsole } from './browser-console';
import { E2E_OPERATOR_TOKEN } from './global-setup';

// The test's own client is injected as a script, which the host's content policy would refuse.
test.use({ bypassCSP: true });

const workflow: WorkflowDefinition = {
  name: 'Every call from a browser',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['gate', 'long', 'broken', 'after-gate', 'after-long'] },
    { nodeId: 'gate', nodeType: 'agent', parentId: 'root', name: 'Gate', agentLoad: 'manual', agentConfig: { prompt: 'Go on?' } },
    { nodeId: 'long', nodeType: 'agent', parentId: 'root', name: 'Long', agentLoad: 'sim', agentConfig: { durationMs: 60_000, steps: 60, logLinesPerSecond: 5, cpuPercent: 30, memoryMb: 64 } },
    { nodeId: 'broken', nodeType: 'agent', parentId: 'root', name: 'Broken', agentLoad: 'sim', agentConfig: { durationMs: 300, steps: 2, outcome: 'failed', logLinesPerSecond: 5 } },
    { nodeId: 'after-gate', nodeType: 'agent', parentId: 'root', name: 'After the gate', agentLoad: 'sim', agentConfig: { durationMs: 200, steps: 1 }, dependencies: [{ sourceNodeId: 'gate', type: 'success' }] },
    { nodeId: 'after-long', nodeType: 'agent', parentId: 'root', name: 'After the long one', agentLoad: 'sim', agentConfig: { durationMs: 200, steps: 1 }, dependencies: [{ sourceNodeId: 'long', type: 'success' }] },
  ],
} as WorkflowDefinition;

type Outcome = { ok: true; result: unknown } | { ok: false; code: string; message: string };

/**
 * Calls a method in the page with only its required arguments, every optional one passed as
 * `undefined` up to the contract's full argument list, as the UI's own code does.
 */
async function callInBrowser(page: Page, method: ConsoleMethodName, required: readonly unknown[]): Promise<Outcome> {
  const length = (CONSOLE_METHODS[method].args as unknown as z.ZodTuple).def.items.length;
  return page.evaluate(
    async ({ method: name, required: args, length: full }) => {
      const client = (window as unknown as { e2eConsole: Record<string, (...callArgs: unknown[]) => Promise<unknown>> }).e2eConsole;
      const padded = [...args, ...Array.from({ length: Math.max(0, full - args.length) }, () => undefined)];
      try {
        const result = await client[name]!(...padded);
        return { ok: true as const, result: JSON.parse(JSON.stringify(result ?? null)) as unknown };
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        return { ok: false as const, code: code ?? 'THROWN', message: message ?? String(error) };
      }
    },
    { method, required: [...required], length },
  );
}

interface Context {
  taskId: string;
  schemeId: string;
  envId: string;
  /** An open alert (the broken node's failure), once listAlerts has run. */
  alertId: string;
  bookmarkId: string;
  triggerId: string;
}

interface Step {
  /** The required arguments; every optional one is left out. */
  args: (ctx: Context) => unknown[];
  /** Refusals the task's state may draw (never INVALID_ARGUMENT); by default the call must succeed. */
  mayRefuse?: readonly string[];
}

/**
 * Every method of the contract, in the order they are called. Typed as a record of every
 * method name, so a method added to the contract without an entry here fails to compile (and
 * the test checks the keys too).
 */
const STEPS: Record<ConsoleMethodName, Step> = {
  getAppStatus: { args: () => [] },
  validateWorkflow: { args: () => [workflow] },
  importWorkflow: { args: () => [{ fileName: 'every-call.json', text: JSON.stringify(workflow) }] },
  exportWorkflow: { args: () => [{ definition: workflow, format: 'bpmn' }] },
  saveTemplate: { args: () => [{ definition: workflow }] },
  createTrigger: { args: () => [{ templateName: workflow.name, spec: { type: 'schedule', cron: '0 3 * * *' } }] },
  listTriggers: { args: () => [] },
  updateTrigger: { args: ({ triggerId }) => [triggerId, { type: 'schedule', cron: '30 3 * * *' }] },
  pauseTrigger: { args: ({ triggerId }) => [triggerId] },
  resumeTrigger: { args: ({ triggerId }) => [triggerId] },
  fireTrigger: { args: ({ triggerId }) => [triggerId] },
  deleteTrigger: { args: ({ triggerId }) => [triggerId] },
  saveOperator: { args: () => [{ name: 'alice' }] },
  listOperators: { args: () => [] },
  listPendingApprovals: { args: () => [] },
  removeOperator: { args: () => ['alice'] },
  listTemplates: { args: () => [] },
  listTemplateVersions: { args: () => [workflow.name] },
  loadTemplate: { args: () => [{ name: workflow.name }] },
  diffTemplates: { args: () => [{ name: workflow.name, from: 1, to: 1 }] },
  createScheme: { args: () => [{ name: `browser scheme ${Date.now()}` }] },
  listSchemes: { args: () => [] },
  updateScheme: { args: ({ schemeId }) => [schemeId, { description: 'every call' }] },
  archiveScheme: { args: ({ schemeId }) => [schemeId] },
  createEnvironment: { args: () => [{ name: `browser environment ${Date.now()}`, engines: [{ url: 'ws://127.0.0.1:1', token: 'browser-token' }] }] },
  listEnvironments: { args: () => [] },
  updateEnvironment: { args: ({ envId }) => [envId, { strategy: 'weighted' }] },
  archiveEnvironment: { args: ({ envId }) => [envId] },
  createTask: { args: () => [workflow] },
  startTask: { args: ({ taskId }) => [taskId] },
  listTasks: { args: () => [] },
  getTask: { args: ({ taskId }) => [taskId] },
  queryNodes: { args: ({ taskId }) => [taskId] },
  getNodeDetail: { args: ({ taskId }) => [taskId, 'long'] },
  listExecutions: { args: ({ taskId }) => [taskId] },
  listTransitions: { args: ({ taskId }) => [{ taskId }] },
  decideManual: { args: ({ taskId }) => [taskId, 'gate', { approved: true }] },
  stopNode: { args: ({ taskId }) => [taskId, 'long'] },
  restartNode: { args: ({ taskId }) => [taskId, 'long'] },
  skipNode: { args: ({ taskId }) => [taskId, 'after-long'], mayRefuse: ['CONFLICT'] },
  holdNode: { args: ({ taskId }) => [taskId, 'after-long', { reason: 'contract walk' }], mayRefuse: ['CONFLICT'] },
  releaseNode: { args: ({ taskId }) => [taskId, 'after-long'], mayRefuse: ['CONFLICT'] },
  retryFailed: { args: ({ taskId }) => [taskId] },
  rerunFrom: { args: ({ taskId }) => [taskId, 'broken'], mayRefuse: ['CONFLICT'] },
  pauseTask: { args: ({ taskId }) => [taskId] },
  resumeTask: { args: ({ taskId }) => [taskId] },
  setTaskVariables: { args: ({ taskId }) => [taskId, { mood: 'calm' }] },
  // The long node is stopped by now: a dependency on it is allowed by asking, and keeps the node pending.
  addNodes: { args: ({ taskId }) => [taskId, { nodes: [{ nodeId: 'added', nodeType: 'agent', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'long', type: 'success' }] }], allowEndedSources: true }] },
  removeNode: { args: ({ taskId }) => [taskId, 'added'] },
  rerunNode: { args: ({ taskId }) => [taskId, 'broken'], mayRefuse: ['CONFLICT'] },
  setTaskClock: { args: ({ taskId }) => [taskId, { action: 'rate', rate: 2 }], mayRefuse: ['CONFLICT'] },
  getTaskClock: { args: ({ taskId }) => [taskId] },
  queryLogs: { args: ({ taskId }) => [{ taskId }] },
  getResourceSeries: { args: ({ taskId }) => [{ scope: 'task', taskId }] },
  getProgressSeries: { args: ({ taskId }) => [{ taskId }] },
  exportRunReport: { args: ({ taskId }) => [{ taskId, format: 'csv', language: 'en' }] },
  listAlerts: { args: () => [] },
  acknowledgeAlert: { args: ({ alertId }) => [alertId] },
  resolveAlert: { args: ({ alertId }) => [alertId] },
  getTaskHealth: { args: ({ taskId }) => [taskId] },
  getForecast: { args: ({ taskId }) => [taskId] },
  compareRuns: { args: ({ taskId }) => [taskId, taskId] },
  addBookmark: { args: ({ taskId }) => [taskId, { kind: 'annotation', taskTimeMs: 1000, text: 'every call' }] },
  listBookmarks: { args: ({ taskId }) => [taskId] },
  deleteBookmark: { args: ({ taskId, bookmarkId }) => [taskId, bookmarkId] },
  listInjects: { args: ({ taskId }) => [taskId] },
  // The scenario declares no injects: the call goes through and is refused as naming none.
  fireInject: { args: ({ taskId }) => [taskId, 'none'], mayRefuse: ['NOT_FOUND'] },
  listEngines: { args: () => [] },
  getAgentCatalog: { args: () => [] },
  getSettings: { args: () => [] },
  updateSettings: { args: () => [{}] },
  stopTask: { args: ({ taskId }) => [taskId] },
  setTemplateStatus: { args: () => [workflow.name, 'active'] },
  setTemplateTags: { args: () => [workflow.name, ['every-call']] },
  archiveTemplate: { args: () => [workflow.name] },
  deleteTemplate: { args: () => [workflow.name] },
  archiveTasks: { args: ({ taskId }) => [{ taskIds: [taskId] }] },
  unarchiveTasks: { args: ({ taskId }) => [{ taskIds: [taskId] }] },
  previewTaskDeletion: { args: ({ taskId }) => [{ taskIds: [taskId] }] },
  // By age, none that old: the task stays for the monitor's tabs below.
  deleteTasks: { args: () => [{ olderThanDays: 36_500 }] },
  listBackups: { args: () => [] },
  backupNow: { args: () => [] },
  restoreBackup: { args: () => [{ file: 'no-such-backup.gz' }], mayRefuse: ['NOT_FOUND'] },
};

/** What each monitor tab draws when it has data. */
const TAB_DRAWS: Record<MonitorTab, string> = {
  tree: '.node-tree [data-node-id="long"]',
  graph: '[data-testid="graph-node-long"]',
  timeline: '.tl-bar',
  logs: '.log-row',
  charts: '.recharts-line-curve',
  alerts: '[data-testid="alert-row"]',
};

async function nodeStatus(page: Page, taskId: string, nodeId: string): Promise<string | undefined> {
  const outcome = await callInBrowser(page, 'queryNodes', [taskId]);
  if (!outcome.ok) throw new Error(outcome.message);
  return (outcome.result as { nodeId: string; status: string }[]).find((node) => node.nodeId === nodeId)?.status;
}

async function taskStatus(page: Page, taskId: string): Promise<string> {
  const outcome = await callInBrowser(page, 'getTask', [taskId]);
  if (!outcome.ok) throw new Error(outcome.message);
  return (outcome.result as { status: string }).status;
}

/** The operator stops a running node from the monitor and leaves the reason empty. */
async function stopFromTheTreeWithoutReason(page: Page, taskId: string, nodeId: string): Promise<void> {
  await expect.poll(() => nodeStatus(page, taskId, nodeId), { timeout: 15_000 }).toBe('running');
  await page.goto(`${process.env['E2E_HOST_URL']}/#/tasks/${taskId}/tree`);
  await page.locator(`.node-tree [data-node-id="${nodeId}"]`).click();
  await page.getByTestId('node-detail').locator('[data-control="stop"]').click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('control-notice').last()).toHaveAttribute('role', 'status');
  await expect.poll(() => nodeStatus(page, taskId, nodeId), { timeout: 15_000 }).toBe('stopped');
}

test('a browser calls every ConsoleApi method with its optional arguments left out, and every monitor tab draws its data', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  expect(Object.keys(STEPS).sort()).toEqual([...CONSOLE_METHOD_NAMES].sort());
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await connectBrowserConsole(page, E2E_OPERATOR_TOKEN);

  const ctx: Context = { taskId: '', schemeId: '', envId: '', alertId: '', triggerId: '', bookmarkId: '' };
  const outcomes: [ConsoleMethodName, Outcome][] = [];
  for (const method of Object.keys(STEPS) as ConsoleMethodName[]) {
    const step = STEPS[method];
    if (method === 'decideManual') {
      // The gate must be waiting for its decision, the long node running and the broken one failed.
      await expect.poll(async () => [await nodeStatus(page, ctx.taskId, 'gate'), await nodeStatus(page, ctx.taskId, 'long'), await nodeStatus(page, ctx.taskId, 'broken')], { timeout: 30_000 }).toEqual(['running', 'running', 'failed']);
    }
    if (method === 'restartNode') await expect.poll(() => nodeStatus(page, ctx.taskId, 'long'), { timeout: 15_000 }).toBe('stopped');
    if (method === 'skipNode') await stopFromTheTreeWithoutReason(page, ctx.taskId, 'long');
    const outcome = await callInBrowser(page, method, step.args(ctx));
    outcomes.push([method, outcome]);
    if (method === 'createTask' && outcome.ok) ctx.taskId = (outcome.result as { task_id: string }).task_id;
    if (method === 'createScheme' && outcome.ok) ctx.schemeId = (outcome.result as { id: string }).id;
    if (method === 'createEnvironment' && outcome.ok) ctx.envId = (outcome.result as { id: string }).id;
    if (method === 'createTrigger' && outcome.ok) ctx.triggerId = (outcome.result as { id: string }).id;
    if (method === 'addBookmark' && outcome.ok) ctx.bookmarkId = (outcome.result as { bookmarkId: string }).bookmarkId;
    if (method === 'listAlerts' && outcome.ok) ctx.alertId = (outcome.result as { id: string; state: string }[]).find((alert) => alert.state === 'open')?.id ?? '';
    const allowed = step.mayRefuse ?? [];
    expect({ method, verdict: outcome.ok || allowed.includes(outcome.code) ? 'accepted' : `${outcome.code}: ${outcome.message}` }).toEqual({ method, verdict: 'accepted' });
  }
  testInfo.annotations.push({ type: 'calls', description: outcomes.map(([method, outcome]) => `${method}: ${outcome.ok ? 'ok' : outcome.code}`).join(', ') });
  expect(outcomes.some(([, outcome]) => !outcome.ok && outcome.code === 'INVALID_ARGUMENT')).toBe(false);

  // The task was stopped with its reason left out; its monitor now shows what it ran.
  await expect.poll(() => taskStatus(page, ctx.taskId), { timeout: 15_000 }).toBe('stopped');
  await page.getByTestId('nav-tasks').click();
  await page.locator(`[data-task-id="${ctx.taskId}"]`).click();
  await expect(page.getByTestId('task-monitor')).toBeVisible();
  for (const tab of MONITOR_TABS) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.locator('.monitor-panel').locator(TAB_DRAWS[tab]).first(), `the ${tab} tab draws its data`).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.monitor-panel [role="alert"]'), `the ${tab} tab reports no failure`).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`tab-${tab}.png`) });
  }
});
