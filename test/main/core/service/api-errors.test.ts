import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EngineCommandError } from '../../../../src/main/core/engine/engine-errors';
import { SchedulerError } from '../../../../src/main/core/scheduler/errors';
import { toApiError } from '../../../../src/main/core/service/api-errors';
import { dispatch } from '../../../../src/main/core/service/dispatch';
import { TemplateNotFoundError } from '../../../../src/main/core/workflow/templates';
import { errorReason } from '../../../../src/shared/api/error-reasons';
import type { ConsoleApi } from '../../../../src/shared/api/contract';

describe('the core’s errors as API errors', () => {
  it('keeps the reason a scheduler refusal gives, beside its code, with the reason’s English wording as its message', () => {
    const reason = errorReason('task.notPending', { taskId: '5', status: 'running' });
    expect(toApiError(new SchedulerError('NOT_ALLOWED', reason)).toBody()).toEqual({
      code: 'CONFLICT',
      message: 'Task 5 is running; only a pending task can be started',
      reason,
    });
    expect(toApiError(new SchedulerError('ENGINE_REFUSED', errorReason('engine.refusedTask', { taskId: '5', code: 'BUSY', detail: 'full' }))).toBody()).toEqual({
      code: 'UNAVAILABLE',
      message: 'The Engine refused task 5: BUSY: full',
      reason: { key: 'engine.refusedTask', params: { taskId: '5', code: 'BUSY', detail: 'full' } },
    });
  });

  it('gives Engine refusals, missing template versions and argument errors a reason', () => {
    expect(toApiError(new EngineCommandError('AT_CAPACITY', 'every Engine is at capacity')).toBody()).toEqual({
      code: 'UNAVAILABLE',
      message: 'The Engine refused: AT_CAPACITY: every Engine is at capacity',
      reason: { key: 'engine.refused', params: { code: 'AT_CAPACITY', detail: 'every Engine is at capacity' } },
    });
    expect(toApiError(new TemplateNotFoundError(errorReason('template.versionNotFound', { name: 'plan', version: '5' }))).toBody()).toEqual({
      code: 'NOT_FOUND',
      message: 'Template "plan" has no version 5',
      reason: { key: 'template.versionNotFound', params: { name: 'plan', version: '5' } },
    });
    const zodError = z.object({ limit: z.int() }).safeParse({ limit: 'x' }).error!;
    expect(toApiError(zodError).reason).toEqual({ key: 'argument.invalid', params: { path: 'limit', detail: zodError.issues[0]!.message } });
  });

  it('leaves an error it knows nothing of without a reason, so the window falls back to its code', () => {
    expect(toApiError(new Error('disk full')).toBody()).toEqual({ code: 'INTERNAL', message: 'disk full' });
  });
});

describe('dispatch', () => {
  const api = { getTask: async () => ({}), pauseTask: async () => undefined } as unknown as ConsoleApi;

  it('refuses unknown methods, viewers’ controls and bad arguments with their reasons', async () => {
    expect(await dispatch(api, 'dropTables', [], 'operator')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', reason: { key: 'method.unknown', params: { method: 'dropTables' } } } });
    expect(await dispatch(api, 'pauseTask', ['5'], 'viewer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: { key: 'method.forbiddenForViewer', params: { method: 'pauseTask' } } } });
    expect(await dispatch(api, 'getTask', [5], 'viewer')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^getTask: Invalid argument 0: /), reason: { key: 'argument.invalid', params: { path: '0', detail: expect.any(String) } } },
    });
    // Each issue carries the value sent, for the window to name it.
    expect(await dispatch(api, 'getTask', [5], 'viewer')).toMatchObject({ ok: false, error: { details: [expect.objectContaining({ path: [0], input: 5 })] } });
  });
});
