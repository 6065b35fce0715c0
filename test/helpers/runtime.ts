import type { NodeType } from '../../src/shared/status';
import type { DependencyType, JoinMode } from '../../src/shared/status';
import type { Logger } from '../../src/shared/logger';
import { TestEngine } from './test-engine';
import { SchedulerState } from '../../src/main/core/scheduler/state';
import { RtEdge, RtNode, TaskImage, type NodeSpec } from '../../src/main/core/scheduler/task-image';
import { systemClock } from '../../src/main/core/scheduler/timers';
import type { Store } from '../../src/main/core/store/store';

/** A task image built in memory (no rows), for tests of the incremental machinery. */
export function memoryTask(variables: Record<string, unknown> = {}): TaskImage {
  const task = new TaskImage('1', 'memory', variables as TaskImage['variables']);
  task.status = 'running';
  return task;
}

let rowIds = 1n;

export function memoryNode(task: TaskImage, nodeId: string, options: { type?: NodeType; join?: JoinMode; parent?: RtNode } = {}): RtNode {
  const spec: NodeSpec = {
    rowId: rowIds++,
    nodeId,
    type: options.type ?? 'agent',
    name: null,
    level: options.parent ? options.parent.level + 1 : 0,
    join: options.join ?? 'all',
    priority: 0,
    agentLoad: options.type === 'container' ? null : 'sim',
    config: undefined,
    configText: null,
    hasReferences: false,
    retry: undefined,
    timeoutMs: null,
    pin: undefined,
    activation: undefined,
  };
  const node = new RtNode(task, spec);
  task.add(node);
  if (options.parent) {
    node.parent = options.parent;
    options.parent.children.push(node);
  } else {
    task.root = node;
  }
  return node;
}

export function memoryEdge(source: RtNode, target: RtNode, type: DependencyType, condition?: unknown): RtEdge {
  const edge = new RtEdge(source, target, type, condition);
  source.out.push(edge);
  target.deps.push(edge);
  return edge;
}

export function memoryCore(store: Store, logger: Logger): SchedulerState {
  return new SchedulerState(store, new TestEngine(), systemClock, logger);
}
