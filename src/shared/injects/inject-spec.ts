import { z } from 'zod';
import { NODE_STATUSES } from '../status';
import { WORKFLOW_LIMITS } from '../workflow/limits';

/**
 * An inject of the exercise's master scenario event list: something the commander planned to
 * happen to a running deduction. It fires once, when its moment comes (a task time, a
 * wall-clock time, a node reaching a status) or when an operator fires it by hand, and then
 * carries out its actions: set task variables, add nodes to the running task, or send a
 * message to a running agent.
 */
export const INJECT_WHEN_TYPES = ['taskTime', 'wallClock', 'nodeStatus', 'manual'] as const;
export type InjectWhenType = (typeof INJECT_WHEN_TYPES)[number];

export const INJECT_ACTION_TYPES = ['setVariables', 'addNodes', 'message'] as const;
export type InjectActionType = (typeof INJECT_ACTION_TYPES)[number];

/** pending: not fired yet; fired: its actions were carried out; failed: it fired and an action could not be carried out (it is not fired again). */
export const INJECT_STATES = ['pending', 'fired', 'failed'] as const;
export type InjectState = (typeof INJECT_STATES)[number];

export const INJECT_LIMITS = { perWorkflow: 200, actions: 20, addedNodes: 500 } as const;

const nodeRef = z.string().min(1).max(WORKFLOW_LIMITS.idLength);

export const injectWhenSchema = z.discriminatedUnion('type', [
  /** Task time: ms since the task started. */
  z.object({ type: z.literal('taskTime'), afterMs: z.int().min(0).max(365 * 86_400_000) }),
  /** An absolute moment (ISO 8601 with offset, or epoch ms); one already past when the task starts fires at once. */
  z.object({ type: z.literal('wallClock'), at: z.union([z.iso.datetime({ offset: true }), z.int().min(0)]) }),
  /** The first time the node is in this status. */
  z.object({ type: z.literal('nodeStatus'), nodeId: nodeRef, status: z.enum(NODE_STATUSES) }),
  z.object({ type: z.literal('manual') }),
]);

export const injectActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setVariables'), variables: z.record(z.string(), z.json()) }),
  /** Nodes as the definition writes them; each names its parent (a container of the task, or one added here). */
  z.object({ type: z.literal('addNodes'), nodes: z.array(z.record(z.string(), z.json())).min(1).max(INJECT_LIMITS.addedNodes) }),
  /** Sent to the node's running execution; an agent that does not handle messages makes the inject fail, recorded. */
  z.object({ type: z.literal('message'), nodeId: nodeRef, message: z.json() }),
]);

export const injectSchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().max(200).optional(),
  when: injectWhenSchema,
  actions: z.array(injectActionSchema).min(1).max(INJECT_LIMITS.actions),
});

export type InjectWhen = z.infer<typeof injectWhenSchema>;
export type InjectAction = z.infer<typeof injectActionSchema>;
export type InjectSpec = z.infer<typeof injectSchema>;

/** A wall-clock inject's moment in epoch ms. */
export function wallClockMs(at: string | number): number {
  return typeof at === 'number' ? at : Date.parse(at);
}
