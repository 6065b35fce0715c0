import { problemWording, wordingKey, type ProblemArgs } from './problem-wordings';

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
   * The id of the node `path` starts at (`["nodes", 2, …]`), so that the place can be named
   * by id (`node "strike" › dependencies[0]`) while `path` stays what tools jump to.
   */
  pathNodeId?: string;
  /**
   * What the message says, as values a translation can place (node ids quoted as in
   * `message`); `context` picks one of a code's wordings (problem-wordings.ts).
   */
  params?: ProblemParams;
}

export type ProblemParams = Record<string, string | number> & { context?: string };

/**
 * A problem of `code` with the params its wording places (and the `context` that picks the
 * wording, where the code has several); its message is that wording in English. Every problem
 * is made here, so no sentence is written at the place that finds it.
 */
export function problem<C extends string>(severity: ProblemSeverity, code: C, path: (string | number)[], params: ProblemArgs<C>, nodeId?: string): Problem {
  const values = params as ProblemParams;
  const key = wordingKey(code, values.context);
  const message = problemWording(key, values);
  if (message === undefined) throw new Error(`No wording for the problem ${key}`);
  const made: Problem = { severity, code, path, message, params: values };
  if (nodeId !== undefined) made.nodeId = nodeId;
  return made;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(workflow)' : path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('').replace(/^\./, '');
}

/** Where a problem is, for people: by node id where the path is inside a node, else the path. */
export function formatPlace(problem: Pick<Problem, 'path' | 'pathNodeId'>): string {
  const { path, pathNodeId } = problem;
  if (pathNodeId === undefined || path[0] !== 'nodes' || typeof path[1] !== 'number') return formatPath(path);
  const node = `node ${JSON.stringify(pathNodeId)}`;
  return path.length > 2 ? `${node} › ${formatPath(path.slice(2))}` : node;
}

/** Names the node each problem's path starts at, from the nodes that parsed (by input index). */
export function nameProblemNodes(problems: Problem[], nodes: readonly { index: number; node: { nodeId: string } }[]): void {
  if (problems.length === 0 || nodes.length === 0) return;
  const ids = new Map<number, string>();
  for (const { index, node } of nodes) ids.set(index, node.nodeId);
  for (const problem of problems) {
    const [head, index] = problem.path;
    if (head !== 'nodes' || typeof index !== 'number') continue;
    const id = ids.get(index);
    if (id !== undefined) problem.pathNodeId = id;
  }
}
