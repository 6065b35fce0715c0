import type { Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';

/**
 * Checks that a value handed in by a JavaScript caller is plain JSON data before anything
 * else walks it. zod and JSON.stringify recurse, so a 10,000-deep or circular value would
 * blow the stack in them; this walk is iterative, bounded and reads no getters.
 */

/** Deepest nesting accepted, counted from the definition itself (a node's config sits at 4). */
export const MAX_JSON_DEPTH = 128;
/** Most values (objects, arrays and primitives together) one definition may hold. */
export const MAX_JSON_VALUES = 10_000_000;
/** Keys refused anywhere: assigning them on a plain object replaces its prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

export type Segment = string | number;

export interface ScanProblem extends Problem {
  /** The value could not be walked safely (too deep, circular, unreadable): skip it entirely. */
  fatal: boolean;
}

export interface ScanResult {
  problems: ScanProblem[];
  /** The walk stopped early (too many values): nothing about the input can be trusted. */
  aborted: boolean;
}

interface PathLink {
  parent: PathLink | null;
  segment: Segment;
}

type Frame = { kind: 'enter'; value: unknown; path: PathLink | null; depth: number } | { kind: 'exit'; value: object };

export function pathOf(link: PathLink | null): Segment[] {
  const segments: Segment[] = [];
  for (let at = link; at !== null; at = at.parent) segments.push(at.segment);
  return segments.reverse();
}

export function scanJsonValue(root: unknown, limits: { maxDepth?: number; maxValues?: number } = {}): ScanResult {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxValues = limits.maxValues ?? MAX_JSON_VALUES;
  const problems: ScanProblem[] = [];
  const report = (path: PathLink | null, code: string, message: string, fatal = false) =>
    problems.push({ severity: 'error', code, path: pathOf(path), message, fatal });

  const onPath = new Set<object>();
  const stack: Frame[] = [{ kind: 'enter', value: root, path: null, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.kind === 'exit') {
      onPath.delete(frame.value);
      continue;
    }
    if (++seen > maxValues) {
      report(null, WORKFLOW_PROBLEM.tooLarge, `the definition holds more than ${maxValues.toLocaleString('en')} values; it is refused as too large`, true);
      return { problems, aborted: true };
    }
    const { value, path, depth } = frame;
    const primitive = primitiveProblem(value);
    if (primitive !== null) {
      if (primitive !== 'ok') report(path, primitive.code, primitive.message);
      continue;
    }
    const object = value as object;
    if (depth >= maxDepth) {
      report(path, WORKFLOW_PROBLEM.tooDeep, `nested deeper than ${maxDepth} levels; flatten it`, true);
      continue;
    }
    if (onPath.has(object)) {
      report(path, WORKFLOW_PROBLEM.circular, 'refers back to an object that contains it (a circular reference); JSON cannot hold that', true);
      continue;
    }
    try {
      const children = childEntries(object);
      if (typeof children === 'string') {
        report(path, WORKFLOW_PROBLEM.notJson, children);
        continue;
      }
      onPath.add(object);
      stack.push({ kind: 'exit', value: object });
      for (let index = children.length - 1; index >= 0; index--) {
        const [segment, child, problem] = children[index]!;
        const childPath = { parent: path, segment };
        if (problem !== undefined) report(childPath, problem.code, problem.message, problem.fatal);
        else stack.push({ kind: 'enter', value: child, path: childPath, depth: depth + 1 });
      }
    } catch (error) {
      report(path, WORKFLOW_PROBLEM.unreadable, `could not be read: ${errorMessage(error)}`, true);
    }
  }
  return { problems, aborted: false };
}

/**
 * 'ok' for a primitive JSON can hold, its problem otherwise, null for an object or array to
 * walk. An undefined property is fine here: it means "absent" to the schema.
 */
function primitiveProblem(value: unknown): 'ok' | { code: string; message: string } | null {
  const notJson = (message: string) => ({ code: WORKFLOW_PROBLEM.notJson, message });
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return 'ok';
    case 'number':
      return Number.isFinite(value) ? 'ok' : { code: WORKFLOW_PROBLEM.notFinite, message: `${value} is not a number JSON can hold; use a finite number` };
    case 'bigint':
      return notJson('is a bigint; JSON holds numbers (or write large ids as decimal strings)');
    case 'function':
      return notJson('is a function; a definition holds data only');
    case 'symbol':
      return notJson('is a symbol; a definition holds data only');
    default:
      return value === null ? 'ok' : null;
  }
}

type ChildEntry = [Segment, unknown, { code: string; message: string; fatal: boolean }?];

/** Own data entries of a plain object or array, or a message saying why it is not one. */
function childEntries(object: object): ChildEntry[] | string {
  if (Array.isArray(object)) {
    const entries: ChildEntry[] = [];
    for (let index = 0; index < object.length; index++) {
      const descriptor = Object.getOwnPropertyDescriptor(object, index);
      if (descriptor === undefined) entries.push([index, undefined, { code: WORKFLOW_PROBLEM.notJson, message: 'is a hole in a sparse array; JSON arrays have no holes', fatal: false }]);
      else if (!('value' in descriptor)) entries.push([index, undefined, accessorProblem()]);
      else if (descriptor.value === undefined) entries.push([index, undefined, { code: WORKFLOW_PROBLEM.notJson, message: 'is undefined; JSON arrays cannot hold undefined (use null)', fatal: false }]);
      else entries.push([index, descriptor.value]);
    }
    return entries;
  }
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) return `is ${describeObject(object)}, not plain data`;
  const entries: ChildEntry[] = [];
  for (const key of Object.keys(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor === undefined) continue;
    if (FORBIDDEN_KEYS.has(key)) {
      entries.push([key, undefined, { code: WORKFLOW_PROBLEM.forbiddenKey, message: `the key "${key}" is not allowed: it would replace an object's prototype`, fatal: false }]);
    } else if (!('value' in descriptor)) {
      entries.push([key, undefined, accessorProblem()]);
    } else {
      entries.push([key, descriptor.value]);
    }
  }
  return entries;
}

function accessorProblem(): { code: string; message: string; fatal: boolean } {
  return { code: WORKFLOW_PROBLEM.notJson, message: 'is a getter or setter; a definition holds plain data only', fatal: false };
}

function describeObject(object: object): string {
  if (object instanceof Date) return 'a Date (write it as an ISO 8601 string)';
  if (object instanceof Map) return 'a Map (use a plain object)';
  if (object instanceof Set) return 'a Set (use an array)';
  const name = (object.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object with a custom prototype';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
