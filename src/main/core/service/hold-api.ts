import type { ConsoleApi } from '../../../shared/api/contract';
import type { ConsoleServiceDeps } from './console-service';

/** An operator's hold and release of a node (scheduler/hold.ts), audited with the operator's name and reason. */
export function holdApi({ scheduler, operator }: ConsoleServiceDeps): Pick<ConsoleApi, 'holdNode' | 'releaseNode'> {
  return {
    holdNode: (taskId, nodeId, options) => scheduler.holdNode(taskId, nodeId, operator(), options?.reason),
    releaseNode: (taskId, nodeId) => scheduler.releaseNode(taskId, nodeId, operator()),
  };
}
