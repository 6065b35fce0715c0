import { describe, expect, it } from 'vitest';
import { matchReason, reasonText, REASON_WORDINGS, REASON_WORDINGS_ZH, wordReason } from '../../../src/shared/task/reason-wordings';
import { STATUS_LABELS } from '../../../src/shared/status-labels';
import { REPORT_STRINGS } from '../../../src/shared/report/report-strings';
import { renderReportHtml } from '../../../src/shared/report/render-html';
import { sampleReport } from '../report/report-fixture';

const zhStatus = (status: string) => STATUS_LABELS['zh-CN'][status as 'failed'];

describe('reason wordings', () => {
  it('builds the English text the CLI, logs and older windows read', () => {
    expect(reasonText('nodesFailed', { count: 17 })).toBe('17 nodes failed');
    expect(reasonText('nodesFailed', { count: 1 })).toBe('1 node failed');
    expect(reasonText('taskStoppedBecause', { reason: 'Stopped by the operator' })).toBe('task stopped: Stopped by the operator');
    expect(reasonText('childrenFailed', { failed: 2, children: 99, names: 'a, b' })).toBe('2 of 99 children failed: a, b');
  });

  it('reads every wording back to its code and params', () => {
    for (const key of Object.keys(REASON_WORDINGS)) {
      const code = key.replace(/_(one|other)$/, '') as Parameters<typeof reasonText>[0];
      const params = { count: key.endsWith('_one') ? 1 : 3, reason: 'r', operator: 'op', code: 'X', message: 'm', failed: 2, children: 5, names: 'a, b', container: 'c', status: 'failed', time: 't', batch: 2, source: 's', type: 'success', error: 'e', what: 'w', retry: 1, max: 3, delay: 500, comment: 'cc', node: 'n', cause: 'X: m', handler: '"h"', rule: 'onError rule 1 ("X" → retry)', ms: 250, inject: '"i"', detail: 'd' };
      const found = matchReason(reasonText(code, params));
      expect(found?.key, key).toBe(code);
    }
    expect(matchReason('task stopped: maintenance window by alice')).toEqual({ key: 'taskStoppedBecauseBy', params: { reason: 'maintenance window', operator: 'alice' } });
    expect(matchReason('something an agent said')).toBeNull();
  });

  it('words task summaries and node reasons in Chinese, statuses included', () => {
    expect(Object.keys(REASON_WORDINGS_ZH).sort()).toEqual(Object.keys(REASON_WORDINGS).sort());
    expect(wordReason('zh-CN', '17 nodes failed', null, zhStatus).text).toBe('17 个节点失败');
    expect(wordReason('zh-CN', 'task stopped: 操作员停止', null, zhStatus).text).toBe('任务已停止：操作员停止');
    expect(wordReason('zh-CN', '2 of 99 children failed: a, b', 'CHILD_FAILED', zhStatus).text).toBe('99 个子节点中有 2 个失败：a, b');
    expect(wordReason('zh-CN', 'its container wave failed without running it', 'CONTAINER_NOT_RUN', zhStatus).text).toBe('所在容器 wave 失败，未运行此节点');
  });

  it('words the scheduler’s skips, retries and rejections, and the reason a retry or a join wraps', () => {
    const never = reasonText('dependencySourceEnded', { source: 'boom', type: 'success', status: 'failed' });
    expect(never).toBe('dependency on boom (success) can never be satisfied: boom failed');
    expect(wordReason('zh-CN', never, 'DEPENDENCY_UNSATISFIED', zhStatus)).toEqual({ text: '对 boom 的依赖（成功后）永远无法满足：boom 失败', agentWords: null });
    const joined = reasonText('joinOneNever', { count: 2, what: reasonText('dependencyConditionFalse', { source: 'a', type: 'finish' }) });
    expect(wordReason('zh-CN', joined, 'DEPENDENCY_UNSATISFIED', zhStatus).text).toBe('2 个依赖均无法满足（任一依赖）；最后一个：对 a 的依赖（结束后）永远无法满足：其条件为假');
    const retry = reasonText('retryScheduled', { what: reasonText('attemptFailed', { batch: 1, code: 'EXIT_CODE', message: 'exit 3' }), retry: 1, max: 2, delay: 500 });
    expect(retry).toBe('attempt 1 failed (EXIT_CODE: exit 3); retry 1 of 2 in 500 ms');
    expect(wordReason('zh-CN', retry, null, zhStatus).text).toBe('第 1 次尝试失败（EXIT_CODE：exit 3）；500 毫秒后第 1 次重试（共 2 次）');
    expect(wordReason('zh-CN', reasonText('rejectedWithComment', { operator: '李', comment: '证据不足' }), 'REJECTED', zhStatus).text).toBe('已被 李 驳回：证据不足');
    expect(wordReason('en', retry, null, (s) => s).text).toBe(retry);
    const byRule = reasonText('ruleRetry', { rule: 'onError rule 1 ("HTTP_*" → retry)', what: reasonText('attemptFailed', { batch: 2, code: 'HTTP_STATUS', message: '503' }), retry: 1, max: 3, delay: 500 });
    expect(wordReason('zh-CN', byRule, null, zhStatus).text).toBe('onError 规则 1（"HTTP_*" → 重试）：第 2 次尝试失败（HTTP_STATUS：503）；500 毫秒后第 1 次重试（共 3 次）');
    expect(wordReason('zh-CN', reasonText('reset', { what: reasonText('rerunFrom', { node: 'wave-2' }) }), null, zhStatus).text).toBe('已重置：从 wave-2 重新运行');
    const spent = reasonText('ruleSpent', { rule: 'onError rule 1 ("*" → retry)', what: reasonText('attemptTimedOut', { batch: 2, code: 'TIMEOUT', message: reasonText('noResultWithin', { ms: 500 }) }), count: 1 });
    expect(spent).toBe('onError rule 1 ("*" → retry): attempt 2 timed out (TIMEOUT: no result within 500 ms); the rule\'s 1 retry is spent');
    expect(wordReason('zh-CN', spent, null, zhStatus).text).toBe('onError 规则 1（"*" → 重试）：第 2 次尝试超时（TIMEOUT：500 毫秒内没有结果）；该规则的 1 次重试已用完');
  });

  it('words the onError rule label a reason names, and a bare label, in Chinese', () => {
    const label = 'workflow onError rule 2 ("HTTP_*" → handler "fix-\\"it\\"")';
    const invoked = reasonText('handlerInvoked', { rule: label, node: '"probe"', code: 'HTTP_STATUS', message: '503' });
    expect(wordReason('zh-CN', invoked, null, zhStatus).text).toBe('由 "probe" 的 工作流级 onError 规则 2（"HTTP_*" → 处理节点 "fix-\\"it\\""） 在 HTTP_STATUS：503 之后调用');
    const skipped = reasonText('skippedByRule', { code: 'EXIT_CODE', message: 'exit 3', rule: 'onError rule 1 ("EXIT_*" → skip)' });
    expect(wordReason('zh-CN', skipped, 'SKIPPED_BY_RULE', zhStatus).text).toBe('EXIT_CODE：exit 3（由 onError 规则 1（"EXIT_*" → 跳过） 跳过）');
    expect(wordReason('zh-CN', 'onError rule 3 ("*" → escalate)', null, zhStatus)).toEqual({ text: 'onError 规则 3（"*" → 上报）', agentWords: null });
    expect(wordReason('en', 'onError rule 3 ("*" → escalate)', null, zhStatus).text).toBe('onError rule 3 ("*" → escalate)');
  });

  it("labels an agent's own words, worded by a known Engine code or shown as they are", () => {
    expect(wordReason('zh-CN', 'simulated failure: attempt 1', 'SIMULATED_FAILURE', zhStatus)).toEqual({ text: '模拟失败', agentWords: 'simulated failure: attempt 1' });
    expect(wordReason('zh-CN', 'disk full', 'MY_OWN_CODE', zhStatus)).toEqual({ text: null, agentWords: 'disk full' });
    expect(wordReason('en', 'disk full', 'MY_OWN_CODE', (s) => s)).toEqual({ text: 'disk full', agentWords: null });
  });
});

describe('status labels', () => {
  it('are the same words in the window and the report', () => {
    expect(REPORT_STRINGS['zh-CN'].status.pending).toBe(STATUS_LABELS['zh-CN'].pending);
    expect(REPORT_STRINGS['zh-CN'].status.pending).toBe('待定');
    expect(REPORT_STRINGS.en.status).toEqual(STATUS_LABELS.en);
  });
});

describe('the report', () => {
  it('words the task summary and a skipped node’s reason in Chinese, and labels an agent’s own words', () => {
    const report = sampleReport();
    report.task.errorMessage = '17 nodes failed';
    report.failures.items[0]!.errorCode = 'MY_AGENT_CODE';
    report.failures.items[0]!.errorMessage = 'disk full';
    report.operatorActions.items[0]!.reason = 'task stopped by alice';
    const html = renderReportHtml(report, REPORT_STRINGS['zh-CN']);
    expect(html).toContain('17 个节点失败');
    expect(html).toContain('智能体原话: “disk full”');
    expect(html).toContain('任务已由 alice 停止');
    expect(renderReportHtml(report, REPORT_STRINGS.en)).toContain('17 nodes failed');
  });
});
