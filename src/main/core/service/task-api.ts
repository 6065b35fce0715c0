import type { ConsoleApi } from '../../../shared/api/contract';
import { checkDecider } from '../assignment/manual-assignment';
import { checkTaskPlace } from '../environments/task-place';
import { getNodeDetail, getTask, listExecutions, listTasks, listTransitions } from '../tasks/task-queries';
import type { ConsoleServiceDeps } from './console-service';
import { setTimeBase } from '../clock/task-clock';

type TaskMethods = Pick<
  ConsoleApi,
  | 'createTask'
  | 'startTask'
  | 'pauseTask'
  | 'resumeTask'
  | 'stopTask'
  | 'listTasks'
  | 'getTask'
  | 'queryNodes'
  | 'getNodeDetail'
  | 'listExecutions'
  | 'listTransitions'
  | 'stopNode'
  | 'restartNode'
  | 'skipNode'
  | 'rerunFrom'
  | 'retryFailed'
  | 'decideManual'
>;

/** Tasks and their nodes: created, driven and inspected; every control carries the operator's name. */
export function taskApi({ store, scheduler, operator, local = false }: ConsoleServiceDeps): TaskMethods {
  return {
    createTask: async (definition, options) => {
      checkTaskPlace(store, options);
      const created = scheduler.createTask(definition, { createdBy: operator(), ...options });
      if (options?.timeBase === 'simulation') setTimeBase(store, created.task_id, 'simulation', Date.now());
      return created;
    },
    startTask: (taskId) => scheduler.startTask(taskId),
    pauseTask: async (taskId) => scheduler.pauseTask(taskId, operator()),
    resumeTask: async (taskId) => scheduler.resumeTask(taskId, operator()),
    stopTask: async (taskId, reason) => scheduler.stopTask(taskId, operator(), reason),
    listTasks: async (query) => listTasks(store, query),
    getTask: async (taskId) => getTask(store, taskId),
    queryNodes: async (taskId, query) => scheduler.queryNodes(taskId, query),
    getNodeDetail: async (taskId, nodeId) => getNodeDetail(store, taskId, nodeId),
    listExecutions: async (taskId, query) => listExecutions(store, taskId, query),
    listTransitions: async (query) => listTransitions(store, query),
    stopNode: async (taskId, nodeId, reason) => scheduler.stopNode(taskId, nodeId, operator(), reason),
    restartNode: async (taskId, nodeId) => scheduler.restartNode(taskId, nodeId, operator()),
    skipNode: async (taskId, nodeId) => scheduler.skipNode(taskId, nodeId, operator()),
    rerunFrom: async (taskId, nodeId) => scheduler.rerunFrom(taskId, nodeId, operator()),
    retryFailed: async (taskId) => scheduler.retryFailed(taskId, operator()),
    decideManual: async (taskId, nodeId, decision) => {
      checkDecider(store, taskId, nodeId, { name: operator(), local });
      return scheduler.decideManual(taskId, nodeId, { ...decision, operator: operator() });
    },
  };
}
