import type { z } from 'zod';
import type { Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';

type Path = (string | number)[];

/**
 * Turns zod issues into Problems with plain messages. Messages the schema sets itself
 * ("must not be empty") are kept; zod's generic ones are reworded around what was expected.
 */
export function zodIssueToProblem(issue: z.core.$ZodIssue, prefix: Path, nodeId?: string): Problem {
  const path = [...prefix, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
  const problem: Problem = { severity: 'error', code: WORKFLOW_PROBLEM.schema, path, message: issueMessage(issue, path) };
  if (nodeId !== undefined) problem.nodeId = nodeId;
  return problem;
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
