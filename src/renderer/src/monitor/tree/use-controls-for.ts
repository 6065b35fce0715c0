import { useCallback } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { NodeView } from '../../../../shared/task/nodes';
import { isManualAgent } from '../../../../shared/engine/agent-kind';
import { availableControls, type NodeControl } from './model/available-controls';
import { useAgentKinds } from './use-agent-kinds';

/** What each node offers an operator, with manual agents told apart by the Engines' catalog. */
export function useControlsFor(client: ConsoleClient): (node: NodeView) => Set<NodeControl> {
  const kinds = useAgentKinds(client);
  return useCallback((node: NodeView) => availableControls(node, { isManual: isManualAgent(node.agentLoad, (load) => kinds?.get(load)) }), [kinds]);
}
