import type { EngineNode, EngineTaskRequest } from '../shared/engine/protocol';

/** The node trees of submitted tasks, for finding a container's parent and descendants. */
export class TaskTrees {
  private readonly trees = new Map<string, Map<string, EngineNode>>();

  submit(request: EngineTaskRequest): void {
    this.trees.set(request.taskId, new Map(request.body.map((node) => [node.id, node])));
  }

  father(taskId: string, nodeId: string): string | null {
    return this.trees.get(taskId)?.get(nodeId)?.father ?? null;
  }

  /** True when `nodeId` is `ancestorId` or lies below it. */
  isWithin(taskId: string, nodeId: string, ancestorId: string, directParent: string | null): boolean {
    if (nodeId === ancestorId) return true;
    const seen = new Set<string>();
    for (let current = directParent; current !== null && !seen.has(current); current = this.father(taskId, current)) {
      if (current === ancestorId) return true;
      seen.add(current);
    }
    return false;
  }

  forget(taskId: string): void {
    this.trees.delete(taskId);
  }
}
