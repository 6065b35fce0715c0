import { describe, expect, it } from 'vitest';
import { API_ERROR_REASONS, errorReason, isApiErrorReason, reasonParamNames, reasonText, type ApiErrorReasonKey } from '../../../src/shared/api/error-reasons';
import { ApiError } from '../../../src/shared/api/errors';

describe('the error reason catalog', () => {
  it('words a reason in English from its one wording, choosing the plural form by count', () => {
    expect(reasonText(errorReason('node.notRunning', { nodeId: 'scout', status: 'pending' }))).toBe('Node "scout" is pending; only a running node can be stopped');
    expect(reasonText(errorReason('workflow.invalid', { count: 1 }))).toBe('The workflow is not valid: 1 error');
    expect(reasonText(errorReason('workflow.invalid', { count: 3 }))).toBe('The workflow is not valid: 3 errors');
  });

  it('makes an error thrown with a reason carry that wording as its message', () => {
    const reason = errorReason('task.notFound', { taskId: '42' });
    expect(new ApiError('NOT_FOUND', reason).toBody()).toEqual({ code: 'NOT_FOUND', message: 'There is no task 42', reason });
  });

  it('names each key’s params from its wording, count included for plural ones', () => {
    expect(reasonParamNames('node.restartBlocked').sort()).toEqual(['containerId', 'nodeId', 'status']);
    expect(reasonParamNames('workflow.notExportable')).toEqual(['count']);
    expect(reasonParamNames('scheduler.closed')).toEqual([]);
    for (const key of Object.keys(API_ERROR_REASONS) as ApiErrorReasonKey[]) {
      const params = Object.fromEntries(reasonParamNames(key).map((name) => [name, 'x']));
      expect(reasonText({ key, params } as never), key).not.toMatch(/\{\{/);
    }
  });

  it('accepts from a transport only a known key with every param its wording places', () => {
    expect(isApiErrorReason({ key: 'task.notFound', params: { taskId: '1' } })).toBe(true);
    expect(isApiErrorReason({ key: 'task.notFound', params: {} })).toBe(false);
    expect(isApiErrorReason({ key: 'task.gone', params: { taskId: '1' } })).toBe(false);
    expect(isApiErrorReason({ key: 'workflow.invalid', params: { count: { n: 1 } } })).toBe(false);
    expect(isApiErrorReason('task.notFound')).toBe(false);
  });
});
