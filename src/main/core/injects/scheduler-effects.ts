import type { NodeAddition, VariablesPatch } from '../../../shared/task/live-changes';
import type { Scheduler } from '../scheduler/scheduler';
import type { InjectEffects } from './inject-service';

/** An inject's variables and nodes, carried out as the scheduler's live changes, audited with who fired it. */
export function schedulerEffects(scheduler: Scheduler): InjectEffects {
  return {
    setVariables: (taskId, variables, operator) => void scheduler.setTaskVariables(taskId, variables as VariablesPatch, operator),
    addNodes: (taskId, nodes, operator) => void scheduler.addNodes(taskId, { nodes: nodes as NodeAddition['nodes'] }, operator),
  };
}
