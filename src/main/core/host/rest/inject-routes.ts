import { z } from 'zod';
import type { InjectView } from '../../../../shared/injects/inject-view';
import type { RestRoute } from './router';

type ReadBody = <T>(schema: z.ZodType<T>, body: unknown) => T;

const emptyBody = z.strictObject({});

/** A task's injects (its master scenario event list) over REST: listed with their state, and fired by hand (operators only). */
export function injectRoutes(readBody: ReadBody): RestRoute[] {
  return [
    {
      method: 'GET',
      path: '/task/{task_id}/injects',
      operationId: 'listInjects',
      handle: async ({ params, call }) => ({ injects: (await call('listInjects', params.task_id!)).map(injectAnswer) }),
    },
    {
      method: 'POST',
      path: '/task/{task_id}/inject/{inject_id}/fire',
      operationId: 'fireInject',
      handle: async ({ params, body, call }) => {
        readBody(emptyBody, body ?? {});
        return injectAnswer(await call('fireInject', params.task_id!, params.inject_id!));
      },
    },
  ];
}

function injectAnswer(inject: InjectView) {
  return {
    inject_id: inject.id,
    name: inject.name ?? null,
    when: inject.when,
    actions: inject.actions,
    state: inject.state,
    fired_at: inject.firedAt === null ? null : new Date(inject.firedAt).toISOString(),
    task_time_ms: inject.taskTimeMs,
    fired_by: inject.firedBy,
    detail: inject.detail,
  };
}
