import type { Problem, ProblemParams } from './problems';
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

/** What is wrong with one value: its code, the English message, and the params of its wording. */
interface Finding {
  code: string;
  message: string;
  params: ProblemParams;
}

const notJson = (context: string, message: string, params: ProblemParams = {}): Finding => ({ code: WORKFLOW_PROBLEM.notJson, message, params: { ...params, context } });

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
  const report = (path: PathLink | null, { code, message, params }: Finding, fatal = false): boolean => {
    if (full) return false;
    if (problems.length >= maxProblems) {
      full = true;
      const message = `the data holds more than ${maxProblems.toLocaleString('en')} problems; the check stopped there`;
      problems.push({ severity: 'error', code: WORKFLOW_PROBLEM.tooLarge, path: [], message, params: { context: 'problems', max: maxProblems }, fatal: true });
      return false;
    }
    problems.push({ severity: 'error', code, path: pathOf(path), message, params, fatal });
    return true;
  };
  let seen = 0;
  /** Counts entries against the budget before they are walked; false once it is spent. */
  const spend = (entries: number): boolean => {
    seen += entries;
    if (seen <= maxValues) return true;
    const message = `the definition holds more than ${maxValues.toLocaleString('en')} values; it is refused as too large`;
    report(null, { code: WORKFLOW_PROBLEM.tooLarge, message, params: { context: 'values', max: maxValues } }, true);
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
    if (depth >= maxDepth) return report(link(), { code: WORKFLOW_PROBLEM.tooDeep, message: `nested deeper than ${maxDepth} levels; flatten it`, params: { max: maxDepth } }, true);
    if (onPath.has(object)) {
      return report(link(), { code: WORKFLOW_PROBLEM.circular, message: 'refers back to an object that contains it (a circular reference); JSON cannot hold that', params: {} }, true);
    }
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
      going = report(path, { code: WORKFLOW_PROBLEM.unreadable, message: `could not be read: ${detail}`, params: { detail } }, true);
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
      return Number.isFinite(value) ? 'ok' : { code: WORKFLOW_PROBLEM.notFinite, message: `${value} is not a number JSON can hold; use a finite number`, params: { value: String(value) } };
    case 'bigint':
      return notJson('bigint', 'is a bigint; JSON holds numbers (or write large ids as decimal strings)');
    case 'function':
      return notJson('function', 'is a function; a definition holds data only');
    case 'symbol':
      return notJson('symbol', 'is a symbol; a definition holds data only');
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
  const problem = (segment: Segment, finding: Finding, fatal = false) => report({ parent: path, segment }, finding, fatal);
  /** The entry's value; SKIP when it was reported instead, STOP when reporting is over. */
  const entry = (segment: Segment): unknown => {
    const descriptor = Object.getOwnPropertyDescriptor(object, segment);
    if (descriptor === undefined) return problem(segment, notJson('hole', 'is a hole in a sparse array; JSON arrays have no holes')) ? SKIP : STOP;
    // Fatal: the schema pass would read the property and run the getter.
    if (!('value' in descriptor)) return problem(segment, notJson('accessor', 'is a getter or setter; a definition holds plain data only'), true) ? SKIP : STOP;
    return descriptor.value;
  };
  if (Array.isArray(object)) {
    if (!spend(object.length)) return 'stop';
    for (let index = 0; index < object.length; index++) {
      const value = entry(index);
      if (value === STOP) return 'stop';
      if (value === SKIP) continue;
      const fine = value === undefined ? problem(index, notJson('undefinedInArray', 'is undefined; JSON arrays cannot hold undefined (use null)')) : visit(value, path, index, depth);
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
      if (!problem(key, { code: WORKFLOW_PROBLEM.forbiddenKey, message: `the key "${key}" is not allowed: it would replace an object's prototype`, params: { key: JSON.stringify(key) } })) return 'stop';
      continue;
    }
    const value = entry(key);
    if (value === STOP) return 'stop';
    if (value !== SKIP && !visit(value, path, key, depth)) return 'stop';
  }
  return 'ok';
}

function notPlainData(object: object): Finding {
  if (object instanceof Date) return notJson('date', 'is a Date (write it as an ISO 8601 string), not plain data');
  if (object instanceof Map) return notJson('map', 'is a Map (use a plain object), not plain data');
  if (object instanceof Set) return notJson('set', 'is a Set (use an array), not plain data');
  const name = (object.constructor as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && name !== '') return notJson('instance', `is an instance of ${name}, not plain data`, { name });
  return notJson('customPrototype', 'is an object with a custom prototype, not plain data');
}
