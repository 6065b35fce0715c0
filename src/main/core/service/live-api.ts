import type { ConsoleApi } from '../../../shared/api/contract';
import type { ConsoleServiceDeps } from './console-service';

type LiveMethods = Pick<ConsoleApi, 'setTaskVariables' | 'addNodes' | 'removeNode' | 'rerunNode'>;

/** Changing a deduction while it runs (see scheduler/live.ts); every change carries the operator's name. */
export function liveApi({ scheduler, operator }: ConsoleServiceDeps): LiveMethods {
  return {
    setTaskVariables: async (taskId, patch, reason) => scheduler.setTaskVariables(taskId, patch, operator(), reason),
    addNodes: async (taskId, addition) => scheduler.addNodes(taskId, addition, operator()),
    removeNode: async (taskId, nodeId) => scheduler.removeNode(taskId, nodeId, operator()),
    rerunNode: async (taskId, nodeId, options) => scheduler.rerunNode(taskId, nodeId, options ?? {}, operator()),
  };
}
