import { problem, type Problem } from './problems';
import type { ProblemArgs } from './problem-wordings';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { errorText } from '../error-text';
import { WORKFLOW_LIMITS } from './limits';

/**
 * Checks that a value handed in by a JavaScript caller is plain JSON data before anything
 * else walks it. zod and JSON.stringify recurse, so a 10,000-deep or circular value would
 * blow the stack in them; this walk is iterative, bounded and reads no getters.
 */

/** Deepest nesting accepted, counted from the definition itself (a node's config sits at 4). */
export const MAX_JSON_DEPTH = WORKFLOW_LIMITS.jsonDepth;
/** Most values (objects, arrays and primitives together) one definition may hold. */
export const MAX_JSON_VALUES = WORKFLOW_LIMITS.jsonValues;
/** Most problems the scan reports before it gives up on the input as a whole. */
export const MAX_SCAN_PROBLEMS = 10_000;
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

/** What is wrong with one value: the problem it makes at a path. */
type Finding = (path: Segment[]) => Problem;

type NotJson = ProblemArgs<typeof WORKFLOW_PROBLEM.notJson>;
const notJson =
  (params: NotJson): Finding =>
  (path) =>
    problem('error', WORKFLOW_PROBLEM.notJson, path, params);

/** An object or array to walk, or the marker that its walk is over (it leaves the path). */
type Frame = { value: object; path: PathLink | null; depth: number; exit: boolean };

export function pathOf(link: PathLink | null): Segment[] {
  const segments: Segment[] = [];
  for (let at = link; at !== null; at = at.parent) segments.push(at.segment);
  return segments.reverse();
}

export function scanJsonValue(root: unknown, limits: { maxDepth?: number; maxValues?: number; maxProblems?: number } = {}): ScanResult {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxValues = limits.maxValues ?? MAX_JSON_VALUES;
  const maxProblems = limits.maxProblems ?? MAX_SCAN_PROBLEMS;
  const problems: ScanProblem[] = [];
  let full = false;
  /** Records a problem; false once there are too many to go on. */
  const report = (path: PathLink | null, finding: Finding, fatal = false): boolean => {
    if (full) return false;
    if (problems.length >= maxProblems) {
      full = true;
      problems.push({ ...problem('error', WORKFLOW_PROBLEM.tooLarge, [], { context: 'problems', max: maxProblems.toLocaleString('en') }), fatal: true });
      return false;
    }
    problems.push({ ...finding(pathOf(path)), fatal });
    return true;
  };
  let seen = 0;
  /** Counts entries against the budget before they are walked; false once it is spent. */
  const spend = (entries: number): boolean => {
    seen += entries;
    if (seen <= maxValues) return true;
    report(null, (path) => problem('error', WORKFLOW_PROBLEM.tooLarge, path, { context: 'values', max: maxValues.toLocaleString('en') }), true);
    return false;
  };

  const onPath = new Set<object>();
  const stack: Frame[] = [];
  /** Objects and arrays met among the current object's entries, in order. */
  let pending: Frame[] = [];
  /** Checks a primitive at once; sets an object or array aside. False when the walk must stop. */
  const visit = (value: unknown, parent: PathLink | null, segment: Segment | undefined, depth: number): boolean => {
    const link = () => (segment === undefined ? parent : { parent, segment });
    const primitive = primitiveProblem(value);
    if (primitive === 'ok') return true;
    if (primitive !== null) return report(link(), primitive);
    const object = value as object;
    if (depth >= maxDepth) return report(link(), (path) => problem('error', WORKFLOW_PROBLEM.tooDeep, path, { max: maxDepth }), true);
    if (onPath.has(object)) return report(link(), (path) => problem('error', WORKFLOW_PROBLEM.circular, path, {}), true);
    pending.push({ value: object, path: link(), depth, exit: false });
    return true;
  };
  // Entries are checked in order; the objects among them go on the stack last first, so
  // problems come out in document order.
  const flush = () => {
    for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index]!);
    pending = [];
  };

  if (!visit(root, null, undefined, 0)) return { problems, aborted: true };
  flush();
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value: object, path, depth } = frame;
    if (frame.exit) {
      onPath.delete(object);
      continue;
    }
    onPath.add(object);
    stack.push({ value: object, path, depth, exit: true });
    let going: boolean;
    try {
      const walked = walkChildren(object, path, depth + 1, visit, report, spend);
      going = walked === 'ok' || (walked !== 'stop' && report(path, walked));
    } catch (error) {
      const detail = errorText(error);
      going = report(path, (at) => problem('error', WORKFLOW_PROBLEM.unreadable, at, { detail }), true);
    }
    if (!going) return { problems, aborted: true };
    flush();
  }
  return { problems, aborted: false };
}

/**
 * 'ok' for a primitive JSON can hold, its problem otherwise, null for an object or array to
 * walk. An undefined property is fine here: it means "absent" to the schema.
 */
function primitiveProblem(value: unknown): 'ok' | Finding | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return 'ok';
    case 'number':
      return Number.isFinite(value) ? 'ok' : (path) => problem('error', WORKFLOW_PROBLEM.notFinite, path, { value: String(value) });
    case 'bigint':
      return notJson({ context: 'bigint' });
    case 'function':
      return notJson({ context: 'function' });
    case 'symbol':
      return notJson({ context: 'symbol' });
    default:
      return value === null ? 'ok' : null;
  }
}

type Visit = (value: unknown, parent: PathLink | null, segment: Segment, depth: number) => boolean;
type Report = (path: PathLink | null, finding: Finding, fatal?: boolean) => boolean;

const SKIP = Symbol('reported');
const STOP = Symbol('stop');

/**
 * Visits the own data entries of a plain object or array in order, reading descriptors so
 * that no getter runs. Returns 'stop' when the walk must end, or why the object is not plain
 * data.
 */
function walkChildren(object: object, path: PathLink | null, depth: number, visit: Visit, report: Report, spend: (entries: number) => boolean): 'ok' | 'stop' | Finding {
  const reportAt = (segment: Segment, finding: Finding, fatal = false) => report({ parent: path, segment }, finding, fatal);
  /** The entry's value; SKIP when it was reported instead, STOP when reporting is over. */
  const entry = (segment: Segment): unknown => {
    const descriptor = Object.getOwnPropertyDescriptor(object, segment);
    if (descriptor === undefined) return reportAt(segment, notJson({ context: 'hole' })) ? SKIP : STOP;
    // Fatal: the schema pass would read the property and run the getter.
    if (!('value' in descriptor)) return reportAt(segment, notJson({ context: 'accessor' }), true) ? SKIP : STOP;
    return descriptor.value;
  };
  if (Array.isArray(object)) {
    if (!spend(object.length)) return 'stop';
    for (let index = 0; index < object.length; index++) {
      const value = entry(index);
      if (value === STOP) return 'stop';
      if (value === SKIP) continue;
      const fine = value === undefined ? reportAt(index, notJson({ context: 'undefinedInArray' })) : visit(value, path, index, depth);
      if (!fine) return 'stop';
    }
    return 'ok';
  }
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) return notPlainData(object);
  const keys = Object.keys(object);
  if (!spend(keys.length)) return 'stop';
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      if (!reportAt(key, (at) => problem('error', WORKFLOW_PROBLEM.forbiddenKey, at, { key: JSON.stringify(key) }))) return 'stop';
      continue;
    }
    const value = entry(key);
    if (value === STOP) return 'stop';
    if (value !== SKIP && !visit(value, path, key, depth)) return 'stop';
  }
  return 'ok';
}

function notPlainData(object: object): Finding {
  if (object instanceof Date) return notJson({ context: 'date' });
  if (object instanceof Map) return notJson({ context: 'map' });
  if (object instanceof Set) return notJson({ context: 'set' });
  const name = (object.constructor as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && name !== '') return notJson({ context: 'instance', name });
  return notJson({ context: 'customPrototype' });
}
