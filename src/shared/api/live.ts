import type { Id } from '../ids';

/** A task's log grew; `nodeIds` are the nodes that wrote. */
export interface LogsAppended {
  taskId: Id;
  nodeIds: string[];
}

/** New resource samples: of a task's nodes, or (taskId null) of an Engine host. */
export interface SamplesAppended {
  taskId: Id | null;
  engineId: string;
  nodeIds: string[];
}
