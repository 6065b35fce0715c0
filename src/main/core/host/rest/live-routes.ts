import { z } from 'zod';
import type { VariableChange } from '../../../../shared/task/live-changes';
import type { RestRoute } from './router';

type ReadBody = <T>(schema: z.ZodType<T>, body: unknown) => T;

const variablesBody = z.strictObject({ variables: z.record(z.string(), z.json()), reason: z.string().max(1000).optional() });
const addNodesBody = z.strictObject({
  parent_id: z.string().optional(),
  nodes: z.array(z.record(z.string(), z.unknown())),
  allow_ended_sources: z.boolean().optional(),
});
const rerunBody = z.strictObject({ config: z.record(z.string(), z.json()).optional() });

/**
 * The REST routes that change a running deduction (issue 22): its variables, nodes added or
 * removed, a node rerun with an edited config. `readBody` is the route table's body reader, so
 * that unknown fields and bad values are named the same way as on every other route.
 */
export function liveRoutes(readBody: ReadBody): RestRoute[] {
  return [
    {
      method: 'POST',
      path: '/task/{task_id}/variables',
      operationId: 'setTaskVariables',
      handle: async ({ params, body, call }) => {
        const { variables, reason } = readBody(variablesBody, body);
        const changes = await call('setTaskVariables', params.task_id!, variables, reason);
        return { changes: changes.map(changeAnswer) };
      },
    },
    {
      method: 'POST',
      path: '/task/{task_id}/nodes/add',
      operationId: 'addNodes',
      handle: async ({ params, body, call }) => {
        const request = readBody(addNodesBody, body);
        const addition = {
          nodes: request.nodes,
          ...(request.parent_id !== undefined && { parentId: request.parent_id }),
          ...(request.allow_ended_sources !== undefined && { allowEndedSources: request.allow_ended_sources }),
        };
        return call('addNodes', params.task_id!, addition);
      },
    },
    {
      method: 'POST',
      path: '/task/{task_id}/node/{node_id}/remove',
      operationId: 'removeNode',
      handle: async ({ params, body, call }) => {
        readBody(z.strictObject({}), body);
        return call('removeNode', params.task_id!, params.node_id!);
      },
    },
    {
      method: 'POST',
      path: '/task/{task_id}/node/{node_id}/rerun-with-config',
      operationId: 'rerunNode',
      handle: async ({ params, body, call }) => {
        const { config } = readBody(rerunBody, body);
        const result = await call('rerunNode', params.task_id!, params.node_id!, config === undefined ? {} : { config });
        return { nodes_reset: result.nodes, config_changed: result.configChanged };
      },
    },
  ];
}

function changeAnswer(change: VariableChange) {
  return 'before' in change ? { name: change.name, before: change.before, after: change.after } : { name: change.name, after: change.after };
}
