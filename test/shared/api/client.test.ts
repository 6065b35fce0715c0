import { describe, expect, it } from 'vitest';
import { createConsoleClient, type ConsoleTransport } from '../../../src/shared/api/client';
import { errorReason } from '../../../src/shared/api/error-reasons';
import type { ApiErrorBody } from '../../../src/shared/api/errors';

/** A transport that answers every call with one failure, sent through JSON as the socket sends it. */
function failingWith(error: ApiErrorBody): ConsoleTransport {
  return { call: async () => JSON.parse(JSON.stringify({ ok: false, error })) as never, subscribe: () => () => undefined };
}

describe('the typed client', () => {
  it('rebuilds an ApiError with the code, message, details and reason that crossed the transport', async () => {
    const reason = errorReason('node.notFound', { taskId: '5', nodeId: '侦察' });
    const client = createConsoleClient(failingWith({ code: 'NOT_FOUND', message: 'task 5 has no node "侦察"', details: { hint: 1 }, reason }));
    await expect(client.getNodeDetail('5', '侦察')).rejects.toMatchObject({ name: 'ApiError', code: 'NOT_FOUND', message: 'task 5 has no node "侦察"', details: { hint: 1 }, reason });
  });

  it('drops a reason this build cannot word: an unknown key, or a param missing', async () => {
    for (const reason of [{ key: 'task.vanished', params: {} }, { key: 'task.notFound', params: {} }, { key: 'task.notFound', params: { taskId: { id: 5 } } }, 'task.notFound']) {
      const client = createConsoleClient(failingWith({ code: 'NOT_FOUND', message: 'gone', reason } as unknown as ApiErrorBody));
      const error = await client.getTask('5').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'gone' });
      expect((error as { reason?: unknown }).reason).toBeUndefined();
    }
  });
});
