import { ApiError } from '../../../shared/api/errors';
import { errorReason } from '../../../shared/api/error-reasons';
import type { PendingApproval } from '../../../shared/api/operators';
import type { StartNodeCommand } from '../../../shared/engine/protocol';
import { missingSkills } from '../../../shared/engine/skills';
import type { Logger } from '../../../shared/logger';
import type { AssigneeView } from '../../../shared/task/assignment';
import { errorText } from '../../../shared/error-text';
import type { EnginePort } from '../engine/engine-port';
import type { Store } from '../store/store';
import { listOperators } from './operators';

/**
 * Manual steps and the people who decide them. A manual agent naming an `assignee` is assigned
 * to them; one requiring skills goes to the operator having them all with the fewest open
 * manual steps (ties by name), or to no one when nobody has them (then only a supervisor may
 * decide it). Steps with neither are unassigned: anyone with the operator role decides, as
 * before. The assignment is made when the step's execution starts, one per batch.
 */
export function assignManualStep(store: Store, command: Pick<StartNodeCommand, 'taskId' | 'nodeId' | 'batch'>, now: number = Date.now()): AssigneeView | null {
  const node = store.first(
    store.kysely.selectFrom('workflow_node').select(['assignee', 'required_skills']).where('task_id', '=', command.taskId).where('node_id', '=', command.nodeId),
  );
  if (!node) return null;
  const required = node.required_skills === null ? [] : (JSON.parse(node.required_skills) as string[]);
  if (node.assignee === null && required.length === 0) return null;
  let view: AssigneeView;
  if (node.assignee !== null) {
    view = { batch: command.batch, assignee: node.assignee, source: 'definition', requiredSkills: required, time: now };
  } else {
    const able = listOperators(store)
      .filter((operator) => missingSkills(required, operator.skills).length === 0)
      .sort((a, b) => a.openSteps - b.openSteps || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    view = { batch: command.batch, assignee: able[0]?.name ?? null, source: 'skills', requiredSkills: required, time: now };
  }
  store.run(
    store.kysely
      .insertInto('manual_assignment')
      .values({
        id: store.ids.nextBigInt(),
        task_id: command.taskId,
        node_id: command.nodeId,
        batch: command.batch,
        assignee: view.assignee,
        source: view.source,
        required_skills: JSON.stringify(required),
        created_at: now,
      })
      .onConflict((conflict) => conflict.columns(['task_id', 'node_id', 'batch']).doNothing()),
  );
  return view;
}

/**
 * The scheduler's port with manual steps assigned as they start. What the assignment costs
 * (a read of the node, and of the operators when it requires skills) is spent on manual
 * agents only; a failure to assign is logged and the step starts unassigned.
 */
export function withManualAssignment(store: Store, port: EnginePort, logger: Logger): EnginePort {
  const startNode = async (command: StartNodeCommand): Promise<void> => {
    if (port.catalog().some((entry) => entry.agentLoad === command.agentLoad && entry.kind === 'manual')) {
      try {
        assignManualStep(store, command);
      } catch (error) {
        logger.error(`manual step ${command.nodeId} of task ${command.taskId} could not be assigned: ${errorText(error)}`);
      }
    }
    return port.startNode(command);
  };
  return new Proxy(port, {
    get(target, property, receiver) {
      if (property === 'startNode') return startNode;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Who asks: their name, and whether they count as a supervisor whatever the operator list says (the local desktop user). */
export interface Decider {
  name: string;
  local: boolean;
}

function currentAssignment(store: Store, taskId: string, nodeId: string) {
  return store.first(
    store.kysely
      .selectFrom('manual_assignment as a')
      .innerJoin('workflow_node as n', (join) => join.onRef('n.task_id', '=', 'a.task_id').onRef('n.node_id', '=', 'a.node_id').onRef('n.current_batch', '=', 'a.batch'))
      .select(['a.assignee', 'a.required_skills'])
      .where('a.task_id', '=', taskId)
      .where('a.node_id', '=', nodeId),
  );
}

/** Refuses a decision on an assigned manual step by anyone but its assignee or a supervisor, naming the assignee. */
export function checkDecider(store: Store, taskId: string, nodeId: string, decider: Decider): void {
  const assignment = currentAssignment(store, taskId, nodeId);
  if (!assignment || decider.local || assignment.assignee === decider.name) return;
  const operator = store.first(store.kysely.selectFrom('operator').select('supervisor').where('name', '=', decider.name));
  if (operator?.supervisor === 1) return;
  if (assignment.assignee === null) {
    const skills = (JSON.parse(assignment.required_skills) as string[]).join(', ');
    throw new ApiError('FORBIDDEN', errorReason('manual.supervisorOnly', { nodeId, skills, operator: decider.name }));
  }
  throw new ApiError('FORBIDDEN', errorReason('manual.notAssignee', { nodeId, assignee: assignment.assignee, operator: decider.name }));
}

/** A node's manual assignments, by batch. */
export function nodeAssignees(store: Store, taskId: string, nodeId: string): AssigneeView[] {
  const rows = store.all(store.kysely.selectFrom('manual_assignment').selectAll().where('task_id', '=', taskId).where('node_id', '=', nodeId).orderBy('batch'));
  return rows.map((row) => ({ batch: row.batch, assignee: row.assignee, source: row.source, requiredSkills: JSON.parse(row.required_skills) as string[], time: row.created_at }));
}

/** Running manual agents awaiting a decision, with their assignees, oldest first. */
export function listPendingApprovals(store: Store): PendingApproval[] {
  const rows = store.all(
    store.kysely
      .selectFrom('workflow_node as n')
      .innerJoin('deduction_task as t', 't.id', 'n.task_id')
      .innerJoin('agent_meta as m', 'm.agent_load', 'n.agent_load')
      .leftJoin('manual_assignment as a', (join) => join.onRef('a.task_id', '=', 'n.task_id').onRef('a.node_id', '=', 'n.node_id').onRef('a.batch', '=', 'n.current_batch'))
      .where('n.status', '=', 'running')
      .where('m.agent_kind', '=', 'manual')
      .select(['n.task_id', 't.task_name', 'n.node_id', 'n.node_name', 'n.current_batch', 'n.start_time', 'a.assignee', 'a.required_skills'])
      .orderBy('n.start_time')
      .orderBy('n.id'),
  );
  return rows.map((row) => ({
    taskId: row.task_id,
    taskName: row.task_name,
    nodeId: row.node_id,
    nodeName: row.node_name,
    batch: row.current_batch,
    assignee: row.assignee,
    requiredSkills: row.required_skills === null ? [] : (JSON.parse(row.required_skills) as string[]),
    since: row.start_time,
  }));
}
