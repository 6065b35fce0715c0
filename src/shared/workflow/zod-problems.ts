import type { z } from 'zod';
import type { Problem, ProblemParams } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';

type Path = (string | number)[];

/**
 * Turns zod issues into Problems with plain messages. Messages the schema sets itself
 * ("must not be empty") are kept; zod's generic ones are reworded around what was expected.
 * Each kind of issue the definition's schema can raise also gets params, for the window to
 * word it in its own language.
 */
export function zodIssueToProblem(issue: z.core.$ZodIssue, prefix: Path, nodeId?: string): Problem {
  const path = [...prefix, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
  const problem: Problem = { severity: 'error', code: WORKFLOW_PROBLEM.schema, path, message: issueMessage(issue, path) };
  const params = issueParams(issue, path);
  if (params !== undefined) problem.params = params;
  if (nodeId !== undefined) problem.nodeId = nodeId;
  return problem;
}

/**
 * The types a schema problem names, as keys the locales word (`schemaTypes.<key>`); zod's
 * `record` reads as the object it is.
 */
const EXPECTED_TYPES: Record<string, string> = { int: 'int', number: 'number', string: 'string', boolean: 'boolean', array: 'array', object: 'object', record: 'object', null: 'null' };

/** The params of an issue's wording (`context` names it), or undefined where only the English message tells it. */
function issueParams(issue: z.core.$ZodIssue, path: Path): ProblemParams | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_TYPES[issue.expected];
      if (expected === undefined) return undefined;
      return issue.input === undefined ? { context: 'required', expected } : { context: 'type', expected, received: literal(issue.input) };
    }
    case 'invalid_value':
      return { context: 'oneOf', values: issue.values.map((value) => JSON.stringify(value)).join(', '), received: literal(issue.input) };
    case 'too_small':
    case 'too_big': {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const context = boundContext(issue.code === 'too_small', issue.origin, issue.inclusive !== false, Number(limit));
      if (context === 'empty') return { context };
      return context === undefined ? undefined : { context, limit: String(limit) };
    }
    case 'invalid_format':
      return issue.format === 'datetime' ? { context: 'datetime' } : { context: 'format', format: issue.format };
    case 'not_multiple_of':
      return { context: 'multipleOf', divisor: String(issue.divisor) };
    case 'invalid_union':
      return unionParams(issue.input, path);
    case 'custom':
      return typeof issue.params?.['context'] === 'string' ? { context: issue.params['context'] } : undefined;
    default:
      return undefined;
  }
}

function boundContext(lower: boolean, origin: string, inclusive: boolean, limit: number): string | undefined {
  switch (origin) {
    case 'string':
      if (lower && inclusive && limit === 1) return 'empty';
      return lower ? 'minLength' : 'maxLength';
    case 'array':
    case 'set':
      return lower ? 'minItems' : 'maxItems';
    case 'number':
    case 'int':
    case 'bigint':
      if (lower) return inclusive ? 'min' : 'above';
      return inclusive ? 'max' : 'below';
    default:
      return undefined;
  }
}

function unionParams(input: unknown, path: Path): ProblemParams {
  if (input === undefined) return { context: 'undefined' };
  const last = path[path.length - 1];
  if (last === 'version') return { context: 'version', received: literal(input) };
  if (last === 'pin') return { context: 'pin' };
  if (last === 'at') return { context: 'at' };
  return { context: 'json', received: literal(input) };
}

function issueMessage(issue: z.core.$ZodIssue, path: Path): string {
  if (isCustomMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is required (${expectation(issue.expected)})`;
      return `must be ${expectation(issue.expected)}, not ${describe(issue.input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, not ${describe(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1 && issue.inclusive !== false) return 'must not be empty';
      return bound('at least', 'more than', issue.origin, issue.minimum, issue.inclusive);
    case 'too_big':
      return bound('at most', 'less than', issue.origin, issue.maximum, issue.inclusive);
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'must be an ISO 8601 date and time with a time zone, e.g. 2026-05-01T08:00:00Z'
        : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return unionMessage(issue.input, path);
    default:
      return issue.message;
  }
}

/** zod's own messages start with a capital ("Invalid input"); the schema's start lower-case. */
function isCustomMessage(message: string): boolean {
  return /^[a-z]/.test(message);
}

function unionMessage(input: unknown, path: Path): string {
  if (input === undefined) return 'must not be undefined; leave the property out instead';
  const last = path[path.length - 1];
  if (last === 'version') return `must be text or a whole number, not ${describe(input)}`;
  if (last === 'pin') return 'must be {"at": an ISO 8601 time or epoch milliseconds} or {"delayMs": milliseconds after the task starts}';
  if (last === 'at') return 'must be an ISO 8601 date and time with a time zone, or epoch milliseconds';
  return `must be a JSON value (null, true or false, a finite number, text, an array or an object), not ${describe(input)}`;
}

function bound(inclusiveWord: string, exclusiveWord: string, origin: string, limit: unknown, inclusive: boolean | undefined): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  const amount = typeof limit === 'bigint' ? limit.toString() : String(limit);
  switch (origin) {
    case 'string':
      return `must be ${word} ${amount} characters long`;
    case 'array':
    case 'set':
      return `must have ${word} ${amount} items`;
    default:
      return `must be ${word} ${amount}`;
  }
}

function expectation(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return expected;
  }
}

/**
 * A value as a translation can place it in any language: JSON for a string, number, boolean
 * or null (a long string cut short), brackets for an array or object, the type for the rest.
 */
export function literal(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[…]';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `${JSON.stringify(value.slice(0, 37)).slice(0, -1)}…"` : JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return '{…}';
    default:
      return typeof value;
  }
}

/** A short description of a value for messages, never the whole value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text "${value.slice(0, 37)}..."` : `the text ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'undefined';
    default:
      return `a ${typeof value}`;
  }
}
