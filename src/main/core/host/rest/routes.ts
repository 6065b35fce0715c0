import { z } from 'zod';
import { ALERT_STATES, type Alert } from '../../../../shared/api/alerts';
import { alertAnswer } from '../../../../shared/api/rest/alert-answer';
import { clockAnswer, setClockAnswer } from '../../../../shared/api/rest/clock-answer';
import { clockChangeSchema } from '../../../../shared/clock/clock-model';
import { environmentAnswer, schemeAnswer } from '../../../../shared/api/rest/catalog-answer';
import { readCreateBody, type BodyProblem, type CreateRequest } from '../../../../shared/api/rest/create-body';
import { nodesAnswer, restNode } from '../../../../shared/api/rest/nodes-answer';
import { logPageAnswer, taskAnswer, taskDetailAnswer } from '../../../../shared/api/rest/task-answer';
import { environmentInputSchema, environmentPatchSchema } from '../../../../shared/environments/environments';
import { schemeInputSchema, schemePatchSchema, type CatalogQuery } from '../../../../shared/environments/schemes';
import type { CreateTaskResult } from '../../../../shared/task/create';
import type { DeleteTasksResult } from '../../../../shared/task/removal';
import { fireVariablesSchema } from '../../../../shared/triggers/trigger-view';
import { formatPath } from '../../../../shared/workflow/problems';
import { LOG_LEVELS, LOG_TYPES, NODE_STATUSES, TASK_STATUSES } from '../../../../shared/status';
import { toApiError } from '../../service/api-errors';
import { RestError, restError } from './envelope';
import type { CallApi, RestRoute } from './router';
import { liveRoutes } from './live-routes';
import { injectRoutes } from './inject-routes';

/**
 * The REST API's route table: one entry per route, each turning its request into ConsoleApi
 * calls (through the dispatcher, so checks, roles and error reasons are the socket's) and
 * their results into its answer. docs/openapi.json documents every entry; a test holds the
 * two together.
 */
export const REST_ROUTES: readonly RestRoute[] = [
  {
    method: 'POST',
    path: '/task/create',
    operationId: 'createTask',
    handle: async ({ body, call }) => {
      const read = readCreateBody(body);
      if (!read.ok) throw invalidBody(read.problems);
      return createAndStart(call, read.request);
    },
  },
  {
    method: 'GET',
    path: '/task/list',
    operationId: 'listTasks',
    handle: async ({ query, call }) => {
      const status = enumListParam(query, 'status', TASK_STATUSES, 'task status');
      const search = query.get('search');
      const limit = numberParam(query, 'limit');
      const tasks = await call('listTasks', asArgument({ ...(status && { status }), ...(search !== null && { search }), ...(limit !== undefined && { limit }) }));
      return { tasks: tasks.map(taskAnswer) };
    },
  },
  {
    method: 'GET',
    path: '/task/{task_id}',
    operationId: 'getTask',
    handle: async ({ params, call }) => taskDetailAnswer(await call('getTask', params.task_id!)),
  },
  {
    method: 'GET',
    path: '/task/{task_id}/nodes',
    operationId: 'queryNodes',
    handle: async ({ params, query, call }) => {
      const status = enumListParam(query, 'status', NODE_STATUSES, 'node status');
      return nodesAnswer(await call('queryNodes', params.task_id!, asArgument(status ? { status } : {})));
    },
  },
  {
    method: 'GET',
    path: '/task/{task_id}/logs',
    operationId: 'queryLogs',
    handle: async ({ params, query, call }) => {
      const nodeId = query.get('node_id');
      const subtree = query.get('subtree');
      const levels = enumListParam(query, 'level', LOG_LEVELS, 'log level');
      const types = enumListParam(query, 'type', LOG_TYPES, 'log line type');
      const search = query.get('search');
      const direction = query.get('direction');
      const cursor = query.get('cursor');
      const limit = numberParam(query, 'limit');
      const page = await call(
        'queryLogs',
        asArgument({
        taskId: params.task_id!,
        ...(nodeId !== null && { nodeId }),
        ...(subtree !== null && { subtree: subtree === 'true' ? true : subtree === 'false' ? false : subtree }),
        ...(levels && { levels }),
        ...(types && { types }),
        ...(search !== null && { search }),
        ...(direction !== null && { direction }),
        ...(cursor !== null && { cursor }),
        ...(limit !== undefined && { limit }),
        }),
      );
      return logPageAnswer(page);
    },
  },
  {
    method: 'GET',
    path: '/task/{task_id}/clock',
    operationId: 'getTaskClock',
    handle: async ({ params, call }) => clockAnswer(await call('getTaskClock', params.task_id!)),
  },
  {
    method: 'POST',
    path: '/task/{task_id}/clock',
    operationId: 'setTaskClock',
    handle: async ({ params, body, call }) => setClockAnswer(await call('setTaskClock', params.task_id!, readBody(clockChangeSchema, body))),
  },
  taskControl('pause', async (call, taskId) => call('pauseTask', taskId)),
  taskControl('resume', async (call, taskId) => call('resumeTask', taskId)),
  {
    method: 'POST',
    path: '/task/{task_id}/stop',
    operationId: 'stopTask',
    handle: async ({ params, body, call }) => {
      const { reason } = readBody(reasonBody, body);
      await call('stopTask', params.task_id!, reason);
      return taskAnswer(await call('getTask', params.task_id!));
    },
  },
  {
    method: 'POST',
    path: '/task/{task_id}/retry-failed',
    operationId: 'retryFailed',
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      const { restarted, skipped } = await call('retryFailed', params.task_id!);
      return {
        nodes_restarted: restarted.length,
        restarted,
        skipped: skipped.map(({ nodeId, reason, containerId }) => ({ node_id: nodeId, reason, ...(containerId === undefined ? {} : { container_id: containerId }) })),
      };
    },
  },
  {
    method: 'POST',
    path: '/task/{task_id}/archive',
    operationId: 'archiveTasks',
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      return { archived: await call('archiveTasks', { taskIds: [params.task_id!] }) };
    },
  },
  {
    method: 'POST',
    path: '/task/{task_id}/delete',
    operationId: 'deleteTasks',
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      return deletedAnswer(await call('deleteTasks', { taskIds: [params.task_id!] }));
    },
  },
  {
    method: 'POST',
    path: '/task/prune',
    operationId: 'pruneTasks',
    handle: async ({ body, call }) => {
      const request = readBody(pruneBody, body);
      const selection = { olderThanDays: request.older_than_days, ...(request.status && { status: request.status }) };
      if (request.dry_run) {
        const preview = await call('previewTaskDeletion', selection);
        return { dry_run: true, task_ids: preview.tasks.map((task) => task.taskId), log_lines: preview.logLines, skipped: [] };
      }
      return { dry_run: false, ...deletedAnswer(await call('deleteTasks', selection)) };
    },
  },
  {
    method: 'POST',
    path: '/task/{task_id}/node/{node_id}/stop',
    operationId: 'stopNode',
    handle: async ({ params, body, call }) => {
      const { reason } = readBody(reasonBody, body);
      await call('stopNode', params.task_id!, params.node_id!, reason);
      return nodeAfter(call, params.task_id!, params.node_id!);
    },
  },
  nodeControl('restart', 'restartNode', async (call, taskId, nodeId) => call('restartNode', taskId, nodeId)),
  nodeControl('skip', 'skipNode', async (call, taskId, nodeId) => call('skipNode', taskId, nodeId)),
  {
    method: 'POST',
    path: '/task/{task_id}/node/{node_id}/hold',
    operationId: 'holdNode',
    handle: async ({ params, body, call }) => {
      const { reason } = readBody(reasonBody, body);
      await call('holdNode', params.task_id!, params.node_id!, reason === undefined ? undefined : { reason });
      return nodeAfter(call, params.task_id!, params.node_id!);
    },
  },
  nodeControl('release', 'releaseNode', async (call, taskId, nodeId) => call('releaseNode', taskId, nodeId)),
  {
    method: 'POST',
    path: '/task/{task_id}/node/{node_id}/rerun',
    operationId: 'rerunFrom',
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      return { nodes_reset: await call('rerunFrom', params.task_id!, params.node_id!) };
    },
  },
  {
    method: 'POST',
    path: '/task/{task_id}/node/{node_id}/decide',
    operationId: 'decideManual',
    handle: async ({ params, body, call }) => {
      const decision = readBody(decisionBody, body);
      await call('decideManual', params.task_id!, params.node_id!, decision);
      return nodeAfter(call, params.task_id!, params.node_id!);
    },
  },
  {
    method: 'POST',
    path: '/trigger/{trigger_id}/fire',
    operationId: 'fireTrigger',
    handle: async ({ params, body, call }) => {
      const fired = await call('fireTrigger', params.trigger_id!, readBody(fireBody, body));
      const { status } = await call('getTask', fired.taskId);
      return { trigger_id: fired.triggerId, task_id: fired.taskId, status };
    },
  },
  ...catalogRoutes({ segment: 'scheme', idParam: 'scheme_id', noun: 'Scheme', plural: 'Schemes', answer: schemeAnswer }, {
    list: (call, query) => call('listSchemes', query),
    create: (call, body) => call('createScheme', readBody(schemeBody, body)),
    update: (call, id, body) => call('updateScheme', id, readBody(schemePatchBody, body)),
    archive: (call, id) => call('archiveScheme', id),
  }),
  ...catalogRoutes({ segment: 'env', idParam: 'env_instance_id', noun: 'Environment', plural: 'Environments', answer: environmentAnswer }, {
    list: (call, query) => call('listEnvironments', query),
    create: (call, body) => call('createEnvironment', readBody(environmentBody, body)),
    update: (call, id, body) => call('updateEnvironment', id, readBody(environmentPatchBody, body)),
    archive: (call, id) => call('archiveEnvironment', id),
  }),
  {
    method: 'GET',
    path: '/alert/list',
    operationId: 'listAlerts',
    handle: async ({ query, call }) => {
      const state = enumListParam(query, 'state', ALERT_STATES, 'known alert state');
      const taskId = query.get('task_id');
      const limit = numberParam(query, 'limit');
      const alerts = await call('listAlerts', asArgument({ ...(state && { state }), ...(taskId !== null && { taskId }), ...(limit !== undefined && { limit }) }));
      return { alerts: alerts.map(alertAnswer) };
    },
  },
  alertControl('acknowledge', async (call, id) => call('acknowledgeAlert', id)),
  alertControl('resolve', async (call, id) => call('resolveAlert', id)),
  ...liveRoutes(readBody),
  ...injectRoutes(readBody),
];

const emptyBody = z.strictObject({});
const pruneBody = z.strictObject({
  older_than_days: z.number().min(0),
  status: z.array(z.enum(TASK_STATUSES)).min(1).optional(),
  dry_run: z.boolean().optional(),
});

function deletedAnswer(result: DeleteTasksResult) {
  return { task_ids: result.deleted, log_lines: result.logLines, skipped: result.skipped };
}
/** The contract's own shapes, refusing fields they do not know rather than dropping them. */
const schemeBody = z.strictObject(schemeInputSchema.shape);
const schemePatchBody = z.strictObject(schemePatchSchema.shape);
const environmentBody = z.strictObject(environmentInputSchema.shape);
const environmentPatchBody = z.strictObject(environmentPatchSchema.shape);
const reasonBody = z.strictObject({ reason: z.string().max(1000).optional() });
/** An HTTP trigger's body: variables over the trigger's own. */
const fireBody = fireVariablesSchema;
const decisionBody = z.strictObject({ approved: z.boolean(), comment: z.string().max(10_000).optional() });

/** A catalog (schemes, environments) as the REST API serves it: its path segment, id and calls. */
interface Catalog<View> {
  segment: string;
  idParam: string;
  /** Names its operations (createScheme, listSchemes); the plural in lower case keys the list answer. */
  noun: string;
  plural: string;
  answer: (view: View) => unknown;
}

interface CatalogCalls<View> {
  list: (call: CallApi, query: CatalogQuery | undefined) => Promise<View[]>;
  create: (call: CallApi, body: unknown) => Promise<View>;
  update: (call: CallApi, id: string, body: unknown) => Promise<View>;
  archive: (call: CallApi, id: string) => Promise<View>;
}

/** Every catalog has the same four routes: list, create, update and archive. */
function catalogRoutes<View>(catalog: Catalog<View>, calls: CatalogCalls<View>): RestRoute[] {
  const item = `/${catalog.segment}/{${catalog.idParam}}`;
  return [
    {
      method: 'GET',
      path: `/${catalog.segment}/list`,
      operationId: `list${catalog.plural}`,
      handle: async ({ query, call }) => ({ [catalog.plural.toLowerCase()]: (await calls.list(call, catalogQuery(query))).map(catalog.answer) }),
    },
    {
      method: 'POST',
      path: `/${catalog.segment}/create`,
      operationId: `create${catalog.noun}`,
      handle: async ({ body, call }) => catalog.answer(await calls.create(call, body)),
    },
    {
      method: 'POST',
      path: `${item}/update`,
      operationId: `update${catalog.noun}`,
      handle: async ({ params, body, call }) => catalog.answer(await calls.update(call, params[catalog.idParam]!, body)),
    },
    {
      method: 'POST',
      path: `${item}/archive`,
      operationId: `archive${catalog.noun}`,
      handle: async ({ params, body, call }) => {
        readBody(emptyBody, body);
        return catalog.answer(await calls.archive(call, params[catalog.idParam]!));
      },
    },
  ];
}

/** Acknowledging and resolving record the token's operator; viewers are refused by the ConsoleApi. */
function alertControl(action: 'acknowledge' | 'resolve', act: (call: CallApi, id: string) => Promise<Alert>): RestRoute {
  return {
    method: 'POST',
    path: `/alert/{alert_id}/${action}`,
    operationId: `${action}Alert`,
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      return alertAnswer(await act(call, params.alert_id!));
    },
  };
}

function taskControl(action: 'pause' | 'resume', act: (call: CallApi, taskId: string) => Promise<void>): RestRoute {
  return {
    method: 'POST',
    path: `/task/{task_id}/${action}`,
    operationId: `${action}Task`,
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      await act(call, params.task_id!);
      return taskAnswer(await call('getTask', params.task_id!));
    },
  };
}

function nodeControl(action: string, operationId: string, act: (call: CallApi, taskId: string, nodeId: string) => Promise<void>): RestRoute {
  return {
    method: 'POST',
    path: `/task/{task_id}/node/{node_id}/${action}`,
    operationId,
    handle: async ({ params, body, call }) => {
      readBody(emptyBody, body);
      await act(call, params.task_id!, params.node_id!);
      return nodeAfter(call, params.task_id!, params.node_id!);
    },
  };
}

async function nodeAfter(call: CallApi, taskId: string, nodeId: string) {
  return restNode((await call('getNodeDetail', taskId, nodeId)).node);
}

/**
 * The design's create creates the task and starts it. A task that was made but could not be
 * started is reported with its id, so that the client can look at it or start it elsewhere.
 */
async function createAndStart(call: CallApi, request: CreateRequest): Promise<CreateTaskResult> {
  const created = await call('createTask', request.definition, request.options);
  try {
    await call('startTask', created.task_id);
  } catch (error) {
    const status = (await call('getTask', created.task_id).catch(() => created)).status;
    const api = toApiError(error);
    throw new RestError({ ...api.toBody(), message: `task ${created.task_id} was created but could not be started: ${api.message}` }, { ...created, status });
  }
  const { status } = await call('getTask', created.task_id);
  return { ...created, status };
}

function invalidBody(problems: readonly BodyProblem[]): RestError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}, in error.details)` : '';
  return new RestError({ code: 'INVALID_ARGUMENT', message: `${first.path}: ${first.message}${more}`, details: { problems } });
}

function readBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw invalidBody(
    parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? { path: bodyPath(issue.path), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}` }
        : { path: bodyPath(issue.path), message: issue.message },
    ),
  );
}

function bodyPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(body)' : formatPath(path as (string | number)[]);
}

/**
 * Query parameters as the ConsoleApi argument they stand for, unchecked here: the dispatcher
 * checks them against the contract's schema, and names what is wrong as it does for the socket.
 */
function asArgument<T>(value: Record<string, unknown>): T {
  return value as T;
}

/** `include_archived=true|false`; other text is refused naming the parameter, which the ConsoleApi's check could not. */
function catalogQuery(query: URLSearchParams): CatalogQuery | undefined {
  const text = query.get('include_archived');
  if (text === null) return undefined;
  if (text !== 'true' && text !== 'false') throw restError('INVALID_ARGUMENT', `query parameter include_archived: ${JSON.stringify(text)} is neither true nor false`);
  return { includeArchived: text === 'true' };
}

/** A query parameter given as a comma-separated list, repeated, or both; undefined when absent. */
function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
  return values.length > 0 ? values : undefined;
}

/** A list parameter of known words; an unknown word is refused naming it and the words known. */
function enumListParam(query: URLSearchParams, name: string, known: readonly string[], what: string): string[] | undefined {
  const values = listParam(query, name);
  const unknown = values?.find((value) => !known.includes(value));
  if (unknown !== undefined) throw restError('INVALID_ARGUMENT', `query parameter ${name}: ${JSON.stringify(unknown)} is not a ${what} (one of ${known.join(', ')})`);
  return values;
}

/** A number where the text is one; otherwise the text, for the ConsoleApi's check to name. */
function numberParam(query: URLSearchParams, name: string): number | string | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}
