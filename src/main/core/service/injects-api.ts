import type { ConsoleApi } from '../../../shared/api/contract';
import { listInjects, requestInject } from '../injects/inject-rows';
import type { ConsoleServiceDeps } from './console-service';

type InjectMethods = Pick<ConsoleApi, 'listInjects' | 'fireInject'>;

/**
 * A task's injects, listed and fired by hand. The process's inject service fires at once when
 * it runs the task; a service built without one (no scheduler running here) records the
 * request, which the console running the task carries out.
 */
export function injectsApi({ store, operator, injects }: ConsoleServiceDeps): InjectMethods {
  return {
    listInjects: async (taskId) => listInjects(store, taskId),
    fireInject: async (taskId, injectId) => (injects ? injects.fire(taskId, injectId, operator()) : requestInject(store, taskId, injectId, operator(), Date.now())),
  };
}
