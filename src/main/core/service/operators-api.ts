import type { ConsoleApi } from '../../../shared/api/contract';
import { listPendingApprovals } from '../assignment/manual-assignment';
import { listOperators, removeOperator, saveOperator } from '../assignment/operators';
import type { ConsoleServiceDeps } from './console-service';

type OperatorMethods = Pick<ConsoleApi, 'listOperators' | 'saveOperator' | 'removeOperator' | 'listPendingApprovals'>;

/** The operators who decide manual steps, and the steps awaiting a decision. */
export function operatorsApi({ store }: ConsoleServiceDeps): OperatorMethods {
  return {
    listOperators: async () => listOperators(store),
    saveOperator: async (input) => saveOperator(store, input),
    removeOperator: async (name) => removeOperator(store, name),
    listPendingApprovals: async () => listPendingApprovals(store),
  };
}
