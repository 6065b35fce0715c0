import type { Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';

/**
 * Static checks of a JSON Logic expression (conditions on edges, node activations) against
 * the operators json-logic-js evaluates. json-logic-js only finds an unknown operator when it
 * evaluates that branch, which may be hours into a run; the validator finds it at once.
 */

/**
 * The operators json-logic-js 2.x evaluates (its `operations` table plus those `apply`
 * handles itself). A test checks this list against the installed library. `log` is left out
 * on purpose: it writes to the console of whoever evaluates, and conditions must be pure.
 */
export const JSON_LOGIC_OPERATORS: ReadonlySet<string> = new Set([
  '==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', '%', 'in', 'cat', 'substr',
  '+', '*', '-', '/', 'min', 'max', 'merge', 'var', 'missing', 'missing_some',
  'if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some',
]);

/** Operators whose second argument is evaluated against each array element, not the data. */
const SCOPING_OPERATORS = new Set(['filter', 'map', 'reduce', 'all', 'none', 'some']);

/** What a dependency condition sees: the source's result and the task variables. */
export const CONDITION_DATA_ROOTS: readonly string[] = ['result', 'variables'];

export interface LogicCheckOptions {
  /** What the expression is, for messages: "condition", "activation". */
  what: string;
  /** Top-level names `var` may read; unchecked when absent. */
  dataRoots?: readonly string[];
  nodeId?: string;
}

type Path = (string | number)[];

export function checkJsonLogic(logic: unknown, path: Path, options: LogicCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (severity: Problem['severity'], code: string, at: Path, message: string) => {
    const problem: Problem = { severity, code, path: at, message };
    if (options.nodeId !== undefined) problem.nodeId = options.nodeId;
    problems.push(problem);
  };

  if (!isPlainObject(logic)) {
    add('warning', WORKFLOW_PROBLEM.constantLogic, path, `the ${options.what} is the constant ${preview(logic)}, not an expression: it never looks at the data`);
  }

  const stack: { value: unknown; path: Path; scoped: boolean }[] = [{ value: logic, path, scoped: false }];
  while (stack.length > 0) {
    const { value, path: at, scoped } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...at, index], scoped }));
      continue;
    }
    if (!isPlainObject(value)) continue;
    const keys = Object.keys(value);
    if (keys.length !== 1) {
      const found = keys.length === 0 ? 'none' : `${keys.length} (${keys.slice(0, 5).map((key) => JSON.stringify(key)).join(', ')})`;
      add('error', WORKFLOW_PROBLEM.invalidLogic, at, `a JSON Logic operation is an object with exactly one key, its operator; this one has ${found}`);
      continue;
    }
    const operator = keys[0]!;
    if (operator === 'log') {
      add('error', WORKFLOW_PROBLEM.invalidLogic, [...at, operator], `the JSON Logic operator "log" is not allowed in a ${options.what}: it writes to the console; ${options.what}s must not have side effects`);
      continue;
    }
    if (!JSON_LOGIC_OPERATORS.has(operator)) {
      add('error', WORKFLOW_PROBLEM.invalidLogic, [...at, operator], `unknown JSON Logic operator ${JSON.stringify(operator)}`);
      continue;
    }
    const argument = value[operator];
    const argumentPath = [...at, operator];
    if (operator === 'var' && !scoped && options.dataRoots) checkVariable(argument, argumentPath, options.dataRoots, options.what, add);
    if (SCOPING_OPERATORS.has(operator) && Array.isArray(argument)) {
      argument.forEach((item, index) => stack.push({ value: item, path: [...argumentPath, index], scoped: scoped || index === 1 }));
    } else {
      stack.push({ value: argument, path: argumentPath, scoped });
    }
  }
  return problems;
}

function checkVariable(
  argument: unknown,
  path: Path,
  roots: readonly string[],
  what: string,
  add: (severity: Problem['severity'], code: string, at: Path, message: string) => void,
): void {
  const name = Array.isArray(argument) ? argument[0] : argument;
  if (typeof name !== 'string' && typeof name !== 'number') return;
  const text = String(name);
  if (text === '') return;
  const root = text.split('.')[0]!;
  if (roots.includes(root)) return;
  const shape = `{${roots.join(', ')}}`;
  add('warning', WORKFLOW_PROBLEM.unknownVariable, path, `reads ${JSON.stringify(text)}, but a ${what} sees only ${shape}; did you mean ${JSON.stringify(`${roots[0]}.${text}`)}?`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
