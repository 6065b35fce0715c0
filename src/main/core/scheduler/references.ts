import { isTerminalNodeStatus, type NodeStatus } from '../../../shared/status';

/**
 * Data between nodes. A value in an agent's (or a container's) config of the exact form
 * `{"$ref": "<path>"}` — an object whose only key is "$ref" — is replaced, when the node
 * starts, by the value the path names:
 *
 *   variables.<key>…                 a task variable (and what is inside it)
 *   nodes.<nodeId>.result…           the result of a node that has ended
 *   nodes.<nodeId>.status            a node's status
 *
 * The path is dot-separated like a JSON Logic `var` (array elements by index:
 * `nodes.scan.result.hosts.0`); node ids that contain dots are matched whole (the longest id
 * that fits wins), and an array of segments (`{"$ref": ["nodes", "a.b", "result"]}`) spells
 * any path without ambiguity. A reference that names nothing is an error, never an empty
 * value: the node fails with UNRESOLVED_REFERENCE.
 */
export const REFERENCE_KEY = '$ref';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ReferenceScope {
  variables: JsonObject;
  node(nodeId: string): { status: NodeStatus; result: unknown } | undefined;
}

export type Resolution = { ok: true; config: JsonObject } | { ok: false; message: string };

export function isReference(value: unknown): value is { $ref: string | (string | number)[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== REFERENCE_KEY) return false;
  const target = (value as Record<string, unknown>)[REFERENCE_KEY];
  return (typeof target === 'string' && target.length > 0) || (Array.isArray(target) && target.length > 0);
}

/** Whether a config holds any reference, so that configs without one are passed on as they are. */
export function containsReference(value: unknown): boolean {
  if (isReference(value)) return true;
  if (Array.isArray(value)) return value.some(containsReference);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsReference);
  return false;
}

class Unresolved extends Error {}

export function resolveConfig(config: JsonObject, scope: ReferenceScope): Resolution {
  try {
    return { ok: true, config: resolveValue(config, scope, '') as JsonObject };
  } catch (error) {
    if (error instanceof Unresolved) return { ok: false, message: error.message };
    throw error;
  }
}

function resolveValue(value: Json, scope: ReferenceScope, at: string): Json {
  if (isReference(value)) return lookup(value.$ref, scope, at);
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, scope, `${at}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = resolveValue(item, scope, at === '' ? key : `${at}.${key}`);
    return out;
  }
  return value;
}

function lookup(path: string | (string | number)[], scope: ReferenceScope, at: string): Json {
  const text = Array.isArray(path) ? path.join('.') : path;
  const fail = (why: string): never => {
    throw new Unresolved(`config ${at || '(root)'} refers to ${JSON.stringify(text)}, which ${why}`);
  };
  const segments = Array.isArray(path) ? path.map(String) : path.split('.');
  const [root, ...rest] = segments;
  if (root === 'variables') {
    if (rest.length === 0) return scope.variables;
    return walk(scope.variables, rest, 'variables', fail);
  }
  if (root !== 'nodes') return fail('is neither under "variables" nor under "nodes"');
  const { nodeId, remaining } = matchNode(rest, scope, Array.isArray(path));
  if (nodeId === undefined) return fail(`names no node of this task`);
  const node = scope.node(nodeId)!;
  const [field, ...inside] = remaining;
  if (field === undefined) return fail(`names node ${nodeId} but not what of it: add .result or .status`);
  if (field === 'status' && inside.length === 0) return node.status;
  if (field !== 'result') return fail(`reads "${field}" of node ${nodeId}; only its result and status can be read`);
  if (!isTerminalNodeStatus(node.status)) return fail(`is not available yet: node ${nodeId} has not ended (it is ${node.status})`);
  if (node.result === undefined) return fail(`does not exist: node ${nodeId} ended ${node.status} without a result`);
  return walk(node.result as Json, inside, `nodes.${nodeId}.result`, fail);
}

/** The longest node id made of the leading segments (ids may contain dots). */
function matchNode(segments: string[], scope: ReferenceScope, exact: boolean): { nodeId?: string; remaining: string[] } {
  if (exact) {
    const [first, ...remaining] = segments;
    return first !== undefined && scope.node(first) ? { nodeId: first, remaining } : { remaining: segments };
  }
  for (let length = segments.length; length >= 1; length--) {
    const candidate = segments.slice(0, length).join('.');
    if (scope.node(candidate)) return { nodeId: candidate, remaining: segments.slice(length) };
  }
  return { remaining: segments };
}

function walk(start: Json, segments: string[], prefix: string, fail: (why: string) => never): Json {
  let value: Json = start;
  let where = prefix;
  for (const segment of segments) {
    if (Array.isArray(value)) {
      const index = /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= value.length) return fail(`does not exist: ${where} has no element ${segment} (it has ${value.length})`);
      value = value[index]!;
    } else if (typeof value === 'object' && value !== null) {
      if (!Object.hasOwn(value, segment)) return fail(`does not exist: ${where} has no key "${segment}"`);
      value = value[segment]!;
    } else {
      return fail(`does not exist: ${where} is ${value === null ? 'null' : typeof value}, not an object`);
    }
    where = `${where}.${segment}`;
  }
  return value;
}
