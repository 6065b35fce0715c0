import { describe, expect, it } from 'vitest';
import { TASK_PAUSED_REASON, TASK_RESUMED_REASON, taskAuditOf } from '../../../src/shared/task/task-audit';

describe('taskAuditOf', () => {
  it('tells a pause and a resume from the root’s self-transitions, and nothing else', () => {
    expect(taskAuditOf({ from: 'running', to: 'running', reason: TASK_PAUSED_REASON })).toBe('paused');
    expect(taskAuditOf({ from: 'running', to: 'running', reason: TASK_RESUMED_REASON })).toBe('resumed');
    expect(taskAuditOf({ from: 'running', to: 'stopped', reason: TASK_PAUSED_REASON })).toBeNull();
    expect(taskAuditOf({ from: 'running', to: 'running', reason: null })).toBeNull();
    expect(taskAuditOf({ from: 'failed', to: 'failed', reason: 'retried by ops' })).toBeNull();
  });
});
