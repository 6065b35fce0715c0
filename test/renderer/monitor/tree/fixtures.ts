import type { NodeStatus, NodeType } from '../../../../src/shared/status';
import type { NodeView } from '../../../../src/shared/task/nodes';
import { nodeView as baseNodeView } from '../node-views';
import type { TaskNodes } from '../../../../src/renderer/src/task-panels/task-panel';

export function nodeView(nodeId: string, parentId: string | null, level: number, nodeType: NodeType, status: NodeStatus = 'pending', extra: Partial<NodeView> = {}): NodeView {
  return baseNodeView(nodeId, { taskId: '1', nodeType, parentId, isRoot: parentId === null, level, status, agentLoad: nodeType === 'agent' ? 'sim' : null, ...extra });
}

/** Nodes given depth-first; the order is theirs. */
export function taskNodes(list: NodeView[], version = 1): TaskNodes {
  return { byId: new Map(list.map((node) => [node.nodeId, node])), order: list.map((node) => node.nodeId), version };
}

/**
 * root
 *   red (container)
 *     scout (agent, running)     name "Red scout"
 *     strike (agent, failed)
 *   blue (container)
 *     patrol (agent, completed)  name "Blue patrol"
 *     inner (container)
 *       radar (agent, pending)   depends on scout
 *   judge (agent, waiting)       depends on strike and patrol
 */
export function sampleNodes(): TaskNodes {
  return taskNodes([
    nodeView('root', null, 0, 'container', 'running'),
    nodeView('red', 'root', 1, 'container', 'running'),
    nodeView('scout', 'red', 2, 'agent', 'running', { name: 'Red scout' }),
    nodeView('strike', 'red', 2, 'agent', 'failed'),
    nodeView('blue', 'root', 1, 'container', 'running'),
    nodeView('patrol', 'blue', 2, 'agent', 'completed', { name: 'Blue patrol' }),
    nodeView('inner', 'blue', 2, 'container', 'waiting'),
    nodeView('radar', 'inner', 3, 'agent', 'pending', { dependencies: [{ sourceNodeId: 'scout', type: 'success', condition: null, state: 'pending', satisfied: false }] }),
    nodeView('judge', 'root', 1, 'agent', 'waiting', {
      dependencies: [
        { sourceNodeId: 'strike', type: 'finish', condition: null, state: 'satisfied', satisfied: true },
        { sourceNodeId: 'patrol', type: 'success', condition: null, state: 'satisfied', satisfied: true },
      ],
    }),
  ]);
}
