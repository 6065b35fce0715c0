import type { EngineNode } from '../engine/protocol';
import type { NormalizedWorkflowDefinition } from './normalized';
import { buildTree } from './tree';

/**
 * The node list of the Engine's task submission: the tree in pre-order, every container
 * before what it holds, with what the Engine needs to run it (load and config). The
 * validator measures it against the Engine's message limit; engine-format sends it.
 */
export function engineBody(definition: NormalizedWorkflowDefinition): EngineNode[] {
  const tree = buildTree(definition);
  return tree.order.map((id): EngineNode => {
    const node = tree.nodes.get(id)!;
    const isBox = node.nodeType === 'container';
    const wire: EngineNode = { id, isBox, father: tree.parent.get(id) ?? null, isRoot: id === tree.rootId };
    if (isBox) {
      if (node.containerConfig !== undefined) wire.containerConfig = node.containerConfig;
    } else {
      if (node.agentLoad !== undefined) wire.agentLoad = node.agentLoad;
      if (node.agentConfig !== undefined) wire.agentConfig = node.agentConfig;
    }
    return wire;
  });
}
