import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../src/shared/api/alerts';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings/settings';
import { AlertMonitor } from '../../../../src/main/core/alerts/alert-monitor';
import { Scheduler } from '../../../../src/main/core/scheduler/scheduler';
import type { Store } from '../../../../src/main/core/store/store';
import { TestEngine, type NodeScript } from '../../../helpers/test-engine';
import { harness, nodeStatuses, recordingLogger, waitForTask, waitUntil, workflow, type Harness } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const transitions = (store: Store, taskId: string, nodeId: string) =>
  store.all(
    store.kysely
      .selectFrom('node_state_transition')
      .select(['from_status', 'to_status', 'trigger_type', 'reason', 'batch'])
      .where('task_id', '=', taskId)
      .where('node_id', '=', nodeId)
      .orderBy('id'),
  );

const nodeRow = (store: Store, taskId: string, nodeId: string) =>
  store.first(store.kysely.selectFrom('workflow_node').select(['status', 'error_code', 'error_message']).where('task_id', '=', taskId).where('node_id', '=', nodeId))!;

const executionCodes = (store: Store, taskId: string, nodeId: string) =>
  store
    .all(store.kysely.selectFrom('node_execution').select(['status', 'error_code']).where('task_id', '=', taskId).where('node_id', '=', nodeId).orderBy('batch'))
    .map((row) => [row.status, row.error_code]);

/** A script by node id that also records every start command's config. */
function recording(scripts: Record<string, NodeScript>) {
  const configs: Record<string, StartNodeCommand['config'][]> = {};
  const script = (command: StartNodeCommand): NodeScript | undefined => {
    (configs[command.nodeId] ??= []).push(command.config);
    return scripts[command.nodeId];
  };
  return { configs, script };
}

describe('onError retry', () => {
  it('runs a new attempt on the rule’s own budget when the code matches, and then succeeds', async () => {
    h = await harness({ script: { flaky: { failTimes: 2, errorCode: 'HTTP_STATUS', errorMessage: 'HTTP 503' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'flaky', onError: [{ code: 'TIMEOUT', action: 'skip' }, { code: 'http_*', action: 'retry', maxRetries: 2, backoff: { initialMs: 5 } }] },
        { nodeId: 'next', dependencies: [{ sourceNodeId: 'flaky', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executionCodes(h.store, task_id, 'flaky')).toEqual([
      ['failed', 'HTTP_STATUS'],
      ['failed', 'HTTP_STATUS'],
      ['completed', null],
    ]);
    const retries = transitions(h.store, task_id, 'flaky').filter((row) => row.to_status === 'ready' && row.from_status === 'running');
    expect(retries.map((row) => [row.trigger_type, row.reason])).toEqual([
      ['error', 'onError rule 2 ("http_*" → retry): attempt 1 failed (HTTP_STATUS: HTTP 503); retry 1 of 2 in 5 ms'],
      ['error', 'onError rule 2 ("http_*" → retry): attempt 2 failed (HTTP_STATUS: HTTP 503); retry 2 of 2 in 10 ms'],
    ]);
    expect(nodeStatuses(h.store, task_id)).toMatchObject({ flaky: 'completed', next: 'completed' });
  });

  it('fails the node once the rule’s budget is spent, without spending the retry policy too', async () => {
    h = await harness({ script: { doomed: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit 3' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'doomed', retry: { maxRetries: 5, backoff: { initialMs: 1 } }, onError: [{ code: '*', action: 'retry', maxRetries: 1, backoff: { initialMs: 1 } }] }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(executionCodes(h.store, task_id, 'doomed')).toHaveLength(2);
    expect(transitions(h.store, task_id, 'doomed').at(-1)).toMatchObject({
      to_status: 'failed',
      trigger_type: 'error',
      reason: 'onError rule 1 ("*" → retry): attempt 2 failed (EXIT_CODE: exit 3); the rule\'s 1 retry is spent',
    });
  });

  it('retries on a workflow-level rule for a node that declares none, with that rule’s backoff', async () => {
    h = await harness({ script: { flaky: { failTimes: 3, errorCode: 'TIMEOUT', errorMessage: 'slow' } } });
    const backoff = { initialMs: 4, factor: 3, maxMs: 20 };
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'flaky' }], { onError: [{ code: 'TIMEOUT', action: 'retry', maxRetries: 3, backoff }] }));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const delays = transitions(h.store, task_id, 'flaky')
      .filter((row) => row.to_status === 'ready' && row.from_status === 'running')
      .map((row) => /in (\d+) ms$/.exec(row.reason ?? '')?.[1]);
    expect(delays).toEqual(['4', '12', '20']);
    expect(transitions(h.store, task_id, 'flaky').find((row) => row.to_status === 'ready' && row.from_status === 'running')!.reason).toMatch(/^workflow onError rule 1 \("TIMEOUT" → retry\)/);
  });

  it('counts the rule’s retries spent before a console restart instead of starting over', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const failing: NodeScript = { outcome: 'failed', errorCode: 'HTTP_STATUS', errorMessage: 'HTTP 500' };
    const first = new TestEngine({ script: { call: failing } });
    const before = new Scheduler({ store, engine: first, logger: recordingLogger() });
    const { task_id } = before.createTask(workflow([{ nodeId: 'call', onError: [{ code: 'HTTP_*', action: 'retry', maxRetries: 2, backoff: { initialMs: 200 } }] }]));
    await before.startTask(task_id);
    await waitUntil(before, () => nodeStatuses(store, task_id).call === 'ready' && executionCodes(store, task_id, 'call').length === 1);
    before.close();
    first.close();

    const fresh = new TestEngine({ script: { call: failing } });
    const after = new Scheduler({ store, engine: fresh, logger: recordingLogger() });
    try {
      await after.recover();
      expect(await waitForTask(after, store, task_id)).toBe('failed');
      expect(executionCodes(store, task_id, 'call')).toHaveLength(3);
      expect(transitions(store, task_id, 'call').at(-1)!.reason).toBe('onError rule 1 ("HTTP_*" → retry): attempt 3 failed (HTTP_STATUS: HTTP 500); the rule\'s 2 retries are spent');
    } finally {
      after.close();
      fresh.close();
      store.close();
    }
  });

  it('leaves a code no rule matches to the node’s retry policy, then to failure', async () => {
    h = await harness({ script: { doomed: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit 3' } } });
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'doomed', retry: { maxRetries: 1, backoff: { initialMs: 1 } }, onError: [{ code: 'TIMEOUT', action: 'skip' }] }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(transitions(h.store, task_id, 'doomed').at(-1)!.reason).toBe('attempt 2 failed (EXIT_CODE: exit 3) after 1 retry');
  });
});

describe('onError skip', () => {
  it('ends the node skipped, naming rule and code, and its successors follow the dependency semantics of a skipped node', async () => {
    h = await harness({ script: { probe: { outcome: 'failed', errorCode: 'HTTP_STATUS', errorMessage: 'HTTP 404' } } });
    const { task_id } = h.scheduler.createTask(
      workflow(
        [
          { nodeId: 'probe' },
          { nodeId: 'onSuccess', dependencies: [{ sourceNodeId: 'probe', type: 'success' }] },
          { nodeId: 'onFailure', dependencies: [{ sourceNodeId: 'probe', type: 'failure' }] },
          { nodeId: 'afterwards', dependencies: [{ sourceNodeId: 'probe', type: 'finish' }] },
        ],
        { onError: [{ code: 'HTTP_STATUS', action: 'skip' }] },
      ),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeStatuses(h.store, task_id)).toMatchObject({ probe: 'skipped', onSuccess: 'skipped', onFailure: 'skipped', afterwards: 'completed' });
    expect(nodeRow(h.store, task_id, 'probe')).toEqual({ status: 'skipped', error_code: 'SKIPPED_BY_RULE', error_message: 'HTTP_STATUS: HTTP 404 (skipped by workflow onError rule 1 ("HTTP_STATUS" → skip))' });
    expect(transitions(h.store, task_id, 'probe').at(-1)).toMatchObject({
      from_status: 'running',
      to_status: 'skipped',
      trigger_type: 'error',
      reason: 'workflow onError rule 1 ("HTTP_STATUS" → skip): attempt 1 failed (HTTP_STATUS: HTTP 404); skipped',
    });
    expect(executionCodes(h.store, task_id, 'probe')).toEqual([['failed', 'HTTP_STATUS']]);
  });
});

describe('onError handler', () => {
  it('runs the handler with the failure in its config; the node waits, running, and ends completed as RECOVERED when the handler completes', async () => {
    const { configs, script } = recording({ work: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit 2' }, fix: { result: { cleaned: true } } });
    h = await harness({ script });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'work', onError: [{ code: 'EXIT_CODE', action: 'handler', handlerNodeId: 'fix' }] },
        { nodeId: 'fix', agentConfig: { mode: 'cleanup' } },
        { nodeId: 'next', dependencies: [{ sourceNodeId: 'work', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(configs.fix).toEqual([
      { mode: 'cleanup', failure: { nodeId: 'work', errorCode: 'EXIT_CODE', errorMessage: 'exit 2', rule: 'onError rule 1 ("EXIT_CODE" → handler "fix")' } },
    ]);
    expect(nodeStatuses(h.store, task_id)).toMatchObject({ work: 'completed', fix: 'completed', next: 'completed' });
    expect(nodeRow(h.store, task_id, 'work')).toMatchObject({ error_code: 'RECOVERED', error_message: 'recovered by handler "fix" after EXIT_CODE: exit 2 (onError rule 1 ("EXIT_CODE" → handler "fix"))' });
    const work = transitions(h.store, task_id, 'work').slice(-2);
    expect(work.map((row) => [row.from_status, row.to_status, row.trigger_type, row.reason])).toEqual([
      ['running', 'running', 'error', 'onError rule 1 ("EXIT_CODE" → handler "fix"): attempt 1 failed (EXIT_CODE: exit 2); handler "fix" runs'],
      ['running', 'completed', 'error', 'onError rule 1 ("EXIT_CODE" → handler "fix"): handler "fix" completed; recovered'],
    ]);
    expect(transitions(h.store, task_id, 'fix').find((row) => row.to_status === 'ready')).toMatchObject({
      from_status: 'pending',
      trigger_type: 'error',
      reason: 'invoked by onError rule 1 ("EXIT_CODE" → handler "fix") of "work" after EXIT_CODE: exit 2',
    });
    // The next node started after the handler ended, not when the failure was seen.
    expect(h.engine.log.filter((line) => line.startsWith('start ')).map((line) => line.split(' ')[1])).toEqual(['work#1', 'fix#1', 'next#1']);
  });

  it('fails the node when its handler fails, and its success dependents are skipped', async () => {
    h = await harness({ script: { work: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit 2' }, fix: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'cleanup failed' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'work', onError: [{ code: 'EXIT_CODE', action: 'handler', handlerNodeId: 'fix' }] },
        { nodeId: 'fix' },
        { nodeId: 'next', dependencies: [{ sourceNodeId: 'work', type: 'success' }] },
      ]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(nodeStatuses(h.store, task_id)).toMatchObject({ work: 'failed', fix: 'failed', next: 'skipped' });
    expect(nodeRow(h.store, task_id, 'work')).toMatchObject({ error_code: 'EXIT_CODE', error_message: 'exit 2' });
    expect(transitions(h.store, task_id, 'work').at(-1)!.reason).toBe('onError rule 1 ("EXIT_CODE" → handler "fix"): handler "fix" failed; not recovered');
  });

  it('passes over a default handler rule for the handler’s own failure: its retry policy decides', async () => {
    h = await harness({ script: { work: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit 2' }, fix: { failTimes: 1, errorCode: 'EXIT_CODE', errorMessage: 'busy' } } });
    const { task_id } = h.scheduler.createTask(
      workflow([{ nodeId: 'work' }, { nodeId: 'fix', retry: { maxRetries: 1, backoff: { initialMs: 1 } } }], { onError: [{ code: '*', action: 'handler', handlerNodeId: 'fix' }] }),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(executionCodes(h.store, task_id, 'fix')).toEqual([
      ['failed', 'EXIT_CODE'],
      ['completed', null],
    ]);
    expect(nodeRow(h.store, task_id, 'work')).toMatchObject({ status: 'completed', error_code: 'RECOVERED' });
  });

  it('skips a handler no failure called for, so that its container and the task end', async () => {
    h = await harness();
    const { task_id } = h.scheduler.createTask(
      workflow([{ nodeId: 'work', onError: [{ code: '*', action: 'handler', handlerNodeId: 'fix' }] }, { nodeId: 'fix' }]),
    );
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    expect(nodeRow(h.store, task_id, 'fix')).toMatchObject({ status: 'skipped', error_code: 'HANDLER_NOT_INVOKED' });
    expect(h.engine.log.some((line) => line.startsWith('start fix'))).toBe(false);
  });

  it('keeps waiting for the handler across a console restart, and recovers the node from stored state', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const first = new TestEngine({ script: { work: { outcome: 'failed', errorCode: 'TIMEOUT', errorMessage: 'slow' }, fix: { outcome: 'hang' } } });
    const before = new Scheduler({ store, engine: first, logger: recordingLogger() });
    const { task_id } = before.createTask(
      workflow([
        { nodeId: 'work', onError: [{ code: 'TIME*', action: 'handler', handlerNodeId: 'fix' }] },
        { nodeId: 'fix' },
        { nodeId: 'next', dependencies: [{ sourceNodeId: 'work', type: 'success' }] },
      ]),
    );
    await before.startTask(task_id);
    await waitUntil(before, () => nodeStatuses(store, task_id).fix === 'running');
    before.close();
    first.close();

    const { configs, script } = recording({});
    const fresh = new TestEngine({ script });
    const after = new Scheduler({ store, engine: fresh, logger: recordingLogger() });
    try {
      await after.recover();
      expect(await waitForTask(after, store, task_id)).toBe('completed');
      expect(configs.fix).toEqual([{ failure: { nodeId: 'work', errorCode: 'TIMEOUT', errorMessage: 'slow', rule: 'onError rule 1 ("TIME*" → handler "fix")' } }]);
      expect(nodeStatuses(store, task_id)).toMatchObject({ work: 'completed', fix: 'completed', next: 'completed' });
      expect(nodeRow(store, task_id, 'work').error_code).toBe('RECOVERED');
      // The failed node itself was not asked about nor started again: its attempt had ended.
      expect(fresh.log.some((line) => line.startsWith('start work'))).toBe(false);
    } finally {
      after.close();
      fresh.close();
      store.close();
    }
  });
});

describe('onError escalate', () => {
  it('fails the node at once as ESCALATED and the alert monitor raises an escalated alert even with failure alerts off', async () => {
    h = await harness({ script: { deploy: { outcome: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'gone' } } });
    const raised: Alert[] = [];
    const monitor = new AlertMonitor({ store: h.store, settings: () => ({ ...DEFAULT_SETTINGS.alerts, onNodeFailure: false }), emit: (event) => raised.push(event) });
    h.scheduler.onChange((changes) => monitor.onTaskChanges(changes));
    const { task_id } = h.scheduler.createTask(workflow([{ nodeId: 'deploy', retry: { maxRetries: 3 }, onError: [{ code: 'REJECTED', action: 'skip' }, { code: '*', action: 'escalate' }] }]));
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('failed');
    expect(executionCodes(h.store, task_id, 'deploy')).toHaveLength(1);
    expect(nodeRow(h.store, task_id, 'deploy')).toMatchObject({ status: 'failed', error_code: 'ESCALATED', error_message: 'EXIT_CODE: gone (escalated by onError rule 2 ("*" → escalate))' });
    expect(transitions(h.store, task_id, 'deploy').at(-1)).toMatchObject({ trigger_type: 'error', reason: 'onError rule 2 ("*" → escalate): attempt 1 failed (EXIT_CODE: gone); escalated' });
    expect(raised.filter((alert) => alert.nodeId === 'deploy')).toEqual([
      expect.objectContaining({ kind: 'node-escalated', severity: 'critical', taskId: task_id, message: expect.stringMatching(/^deploy failed and its recovery rule escalated it: EXIT_CODE: gone/) }),
    ]);
  });
});
