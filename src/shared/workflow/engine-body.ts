import type { EngineNode } from '../engine/protocol';
import type { NormalizedWorkflowDefinition, NormalizedWorkflowNode } from './normalized';
import { buildTree } from './tree';

/**
 * The node list of the Engine's task submission: the tree in pre-order, every container
 * before what it holds, with what the Engine needs to run it (load and config) and the
 * design's other node fields (agent meta id and URL, container type, env config, biz value). The
 * validator measures it against the Engine's message limit; engine-format sends it.
 */
export function engineBody(definition: NormalizedWorkflowDefinition): EngineNode[] {
  const tree = buildTree(definition);
  return tree.order.map((id) => engineNode(tree.nodes.get(id)!));
}

/** One node as the Engine's task submission carries it. */
export function engineNode(node: NormalizedWorkflowNode): EngineNode {
  const isBox = node.nodeType === 'container';
  const wire: EngineNode = { id: node.nodeId, isBox, father: node.parentId, isRoot: node.isRoot };
  if (isBox) {
    if (node.containerConfig !== undefined) wire.containerConfig = node.containerConfig;
    if (node.containerType !== undefined) wire.containerType = node.containerType;
  } else {
    if (node.agentLoad !== undefined) wire.agentLoad = node.agentLoad;
    if (node.agentConfig !== undefined) wire.agentConfig = node.agentConfig;
    if (node.agentMetaId !== undefined) wire.agentMetaId = node.agentMetaId;
    if (node.agentUrl !== undefined) wire.agentUrl = node.agentUrl;
  }
  if (node.envConfig !== undefined) wire.envConfig = node.envConfig;
  if (node.bizValue !== undefined) wire.bizValue = node.bizValue;
  return wire;
}
