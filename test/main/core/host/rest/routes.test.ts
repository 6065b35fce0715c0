import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../src/shared/api/errors';
import { RestError } from '../../../../../src/main/core/host/rest/envelope';
import { REST_PREFIX, Router, type CallApi } from '../../../../../src/main/core/host/rest/router';
import { REST_ROUTES } from '../../../../../src/main/core/host/rest/routes';
import { designCreateBody } from '../../../../helpers/design-body';

const router = new Router(REST_ROUTES);

function routeOf(method: string, path: string) {
  const match = router.match(method, `${REST_PREFIX}${path}`);
  if (!match || !('route' in match)) throw new Error(`no route ${method} ${path}`);
  return match;
}

/** A ConsoleApi stand-in: each method answers from `answers`, or throws what it holds. */
function fakeCall(answers: Record<string, unknown>): { call: CallApi; calls: string[] } {
  const calls: string[] = [];
  const call = (async (method: string) => {
    calls.push(method);
    const answer = answers[method];
    if (answer instanceof Error) throw answer;
    return answer;
  }) as CallApi;
  return { call, calls };
}

const created = { task_id: '388355896446861312', status: 'pending', total_nodes: 3, total_containers: 1, total_agents: 2 };

describe('REST routes', () => {
  it('matches literal paths before parameters, and percent-decodes node ids', () => {
    expect(routeOf('POST', '/task/create').route.operationId).toBe('createTask');
    expect(routeOf('GET', '/task/list').route.operationId).toBe('listTasks');
    expect(router.match('GET', `${REST_PREFIX}/task/create`)).toEqual({ allowed: ['POST'] });
    expect(routeOf('POST', '/task/7/node/a%2Fb%20%E7%BA%A2/stop').params).toEqual({ task_id: '7', node_id: 'a/b 红' });
    expect(router.match('GET', '/api/v1/other')).toBeNull();
    expect(() => router.match('POST', `${REST_PREFIX}/task/7/node/%E0%A4%A/stop`)).toThrow(URIError);
  });

  it('creates, starts and reads the task back, answering its status once started', async () => {
    const { call, calls } = fakeCall({ createTask: created, startTask: undefined, getTask: { status: 'running' } });
    const answer = await routeOf('POST', '/task/create').route.handle({ params: {}, query: new URLSearchParams(), body: designCreateBody(), call });
    expect(answer).toEqual({ ...created, status: 'running' });
    expect(calls).toEqual(['createTask', 'startTask', 'getTask']);
  });

  it('reports a task created but not started with its id and status, and the start refusal’s code', async () => {
    const refusal = new ApiError('UNAVAILABLE', 'no Engine is connected');
    const { call } = fakeCall({ createTask: created, startTask: refusal, getTask: { status: 'failed' } });
    const failure = await routeOf('POST', '/task/create')
      .route.handle({ params: {}, query: new URLSearchParams(), body: designCreateBody(), call })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RestError);
    const rest = failure as RestError;
    expect(rest.status).toBe(503);
    expect(rest.body).toMatchObject({ code: 'UNAVAILABLE', message: 'task 388355896446861312 was created but could not be started: no Engine is connected' });
    expect(rest.data).toEqual({ ...created, status: 'failed' });
  });

  it('refuses unknown body fields of a control before calling anything', async () => {
    const { call, calls } = fakeCall({});
    const failure = await routeOf('POST', '/task/7/pause')
      .route.handle({ params: { task_id: '7' }, query: new URLSearchParams(), body: { force: true }, call })
      .catch((error: unknown) => error);
    expect((failure as RestError).body).toMatchObject({ code: 'INVALID_ARGUMENT', message: '(body): unknown field "force"' });
    expect(calls).toEqual([]);
  });
});
