import type { InjectSpec } from '../injects/inject-spec';
import { workflowNodeSchema } from './definition';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { problem, type Problem } from './problems';
import type { TreeShape } from './structure-check';
import { zodIssueToProblem } from './zod-problems';

type Path = (string | number)[];

/**
 * What the schema cannot say about the injects: ids unique; the nodes they watch or message
 * exist (in the workflow or added by an inject), a message goes to an agent; the nodes they
 * add are valid nodes with fresh ids and a container as parent. Whether an addition fits the
 * live graph (no cycle) is checked again when it fires, against the running task.
 */
export function checkInjects(injects: readonly InjectSpec[] | undefined, shape: TreeShape): Problem[] {
  if (!injects) return [];
  const problems: Problem[] = [];
  const added = addedNodes(injects, shape, problems);
  const typeOf = (nodeId: string) => shape.byId.get(nodeId)?.node.nodeType ?? added.get(nodeId);
  const seen = new Map<string, number>();
  injects.forEach((inject, index) => {
    const id = JSON.stringify(inject.id);
    const first = seen.get(inject.id);
    if (first !== undefined) problems.push(problem('error', WORKFLOW_PROBLEM.invalidInject, ['injects', index, 'id'], { context: 'duplicateId', id, index: first }));
    else seen.set(inject.id, index);
    const known = (nodeId: string, path: Path) => {
      if (typeOf(nodeId) !== undefined) return true;
      problems.push(problem('error', WORKFLOW_PROBLEM.invalidInject, path, { context: 'unknownNode', id, node: JSON.stringify(nodeId) }));
      return false;
    };
    if (inject.when.type === 'nodeStatus') known(inject.when.nodeId, ['injects', index, 'when', 'nodeId']);
    inject.actions.forEach((action, actionIndex) => {
      if (action.type !== 'message') return;
      const path = ['injects', index, 'actions', actionIndex, 'nodeId'];
      if (known(action.nodeId, path) && typeOf(action.nodeId) !== 'agent') {
        problems.push(problem('error', WORKFLOW_PROBLEM.invalidInject, path, { context: 'notAgent', id, node: JSON.stringify(action.nodeId) }));
      }
    });
  });
  return problems;
}

/** The nodes the injects add, by id with their type; reports those that are not valid nodes or clash. */
function addedNodes(injects: readonly InjectSpec[], shape: TreeShape, problems: Problem[]): Map<string, 'agent' | 'container'> {
  const added = new Map<string, 'agent' | 'container'>();
  const parents: { parentId: unknown; nodeId: string; inject: string; path: Path }[] = [];
  injects.forEach((inject, index) => {
    const id = JSON.stringify(inject.id);
    inject.actions.forEach((action, actionIndex) => {
      if (action.type !== 'addNodes') return;
      action.nodes.forEach((raw, nodeIndex) => {
        const path: Path = ['injects', index, 'actions', actionIndex, 'nodes', nodeIndex];
        const parsed = workflowNodeSchema.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) problems.push(zodIssueToProblem(issue, path));
          return;
        }
        const node = parsed.data;
        // Once the inject has fired, the running task's workflow holds its nodes: a warning, not an error, so that the task's later changes still validate.
        if (shape.byId.has(node.nodeId)) {
          problems.push(problem('warning', WORKFLOW_PROBLEM.invalidInject, [...path, 'nodeId'], { context: 'nodeExists', id, node: JSON.stringify(node.nodeId) }));
          return;
        }
        if (added.has(node.nodeId)) {
          problems.push(problem('error', WORKFLOW_PROBLEM.invalidInject, [...path, 'nodeId'], { context: 'nodeClash', id, node: JSON.stringify(node.nodeId) }));
          return;
        }
        added.set(node.nodeId, node.nodeType);
        parents.push({ parentId: node.parentId, nodeId: node.nodeId, inject: id, path: [...path, 'parentId'] });
      });
    });
  });
  for (const { parentId, nodeId, inject, path } of parents) {
    const parentType = typeof parentId === 'string' ? (shape.byId.get(parentId)?.node.nodeType ?? added.get(parentId)) : undefined;
    if (parentType !== 'container') problems.push(problem('error', WORKFLOW_PROBLEM.invalidInject, path, { context: 'noParent', id: inject, node: JSON.stringify(nodeId) }));
  }
  return added;
}
