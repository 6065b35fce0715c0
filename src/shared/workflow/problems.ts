/**
 * A problem found in a workflow definition or an imported file. `path` locates it the way a
 * JSON pointer would, as segments (["nodes", 3, "dependencies", 0, "sourceNodeId"]), so the
 * editor can put it on the right node or edge and the CLI can print it.
 */
export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  severity: ProblemSeverity;
  /** A stable machine-readable code, e.g. DEPENDENCY_CYCLE. */
  code: string;
  path: (string | number)[];
  message: string;
  /** The node the problem is about, when there is one. */
  nodeId?: string;
  /**
   * What the message says, as values a translation can place (node ids quoted as in
   * `message`); `context` picks one of a code's wordings. Absent where only `message` tells it.
   */
  params?: ProblemParams;
}

export type ProblemParams = Record<string, string | number> & { context?: string };

export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(workflow)' : path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('').replace(/^\./, '');
}
