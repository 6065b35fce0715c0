import type { z } from 'zod';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { PROBLEM_WORDINGS, wordingKey, wordingParamNames, type ProblemArgs, type ProblemWordingKey, type SchemaType } from './problem-wordings';

type Path = (string | number)[];

/**
 * Turns zod issues into Problems worded by the catalog (problem-wordings.ts): each kind of
 * issue the definition's schema can raise has a context of SCHEMA; a custom refinement names
 * its own context. Anything else keeps zod's words as the `detail` of SCHEMA_other.
 */
export function zodIssueToProblem(issue: z.core.$ZodIssue, prefix: Path, nodeId?: string): Problem {
  const path = [...prefix, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
  return problem('error', WORKFLOW_PROBLEM.schema, path, issueParams(issue, path) ?? { context: 'other', detail: issue.message }, nodeId);
}

/** zod's `record` reads as the object it is. */
const EXPECTED_TYPES: Record<string, SchemaType> = { int: 'int', number: 'number', string: 'string', boolean: 'boolean', array: 'array', object: 'object', record: 'object', null: 'null' };

type SchemaArgs = ProblemArgs<typeof WORKFLOW_PROBLEM.schema>;

/** The params of an issue's wording, or undefined where the catalog has none for it. */
function issueParams(issue: z.core.$ZodIssue, path: Path): SchemaArgs | undefined {
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
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const context = boundContext(issue.code === 'too_small', issue.origin, issue.inclusive !== false, Number(limit));
      if (context === 'empty') return { context };
      return context === undefined ? undefined : { context, limit };
    }
    case 'invalid_format':
      return issue.format === 'datetime' ? { context: 'datetime' } : { context: 'format', format: issue.format };
    case 'not_multiple_of':
      return { context: 'multipleOf', divisor: String(issue.divisor) };
    case 'invalid_union':
      return unionParams(issue.input, path);
    case 'custom':
      return customParams(issue.params?.['context']);
    default:
      return undefined;
  }
}

/** A refinement of the schema names its wording by context: SCHEMA_<context>, which places no params. */
function customParams(context: unknown): SchemaArgs | undefined {
  if (typeof context !== 'string') return undefined;
  const key = wordingKey(WORKFLOW_PROBLEM.schema, context);
  const worded = Object.hasOwn(PROBLEM_WORDINGS, key) && wordingParamNames(key as ProblemWordingKey).length === 0;
  return worded ? ({ context } as SchemaArgs) : undefined;
}

function boundContext(lower: boolean, origin: string, inclusive: boolean, limit: number): 'empty' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'min' | 'max' | 'above' | 'below' | undefined {
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

function unionParams(input: unknown, path: Path): SchemaArgs {
  if (input === undefined) return { context: 'undefined' };
  const last = path[path.length - 1];
  if (last === 'version') return { context: 'version', received: literal(input) };
  if (last === 'pin') return { context: 'pin' };
  if (last === 'at') return { context: 'at' };
  return { context: 'json', received: literal(input) };
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
