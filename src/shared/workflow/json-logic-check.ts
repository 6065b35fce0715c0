import { problem, type Problem } from './problems';
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
  /** What the expression is, for messages. */
  what: 'condition' | 'activation';
  /** Top-level names `var` may read (a condition's); unchecked when absent. */
  dataRoots?: readonly string[];
  nodeId?: string;
}

type Path = (string | number)[];

interface PathLink {
  parent: PathLink | null;
  segment: string | number;
}

export function checkJsonLogic(logic: unknown, path: Path, options: LogicCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const pathAt = (link: PathLink | null) => [...path, ...segments(link)];

  if (!isPlainObject(logic)) {
    problems.push(problem('warning', WORKFLOW_PROBLEM.constantLogic, path, { context: options.what, value: preview(logic) }, options.nodeId));
  }

  // Paths are linked lists, made into arrays only for a problem: nesting costs no copying.
  type Frame = { value: unknown; at: PathLink | null; scoped: boolean };
  const stack: Frame[] = [{ value: logic, at: null, scoped: false }];
  const pushAll = (items: readonly unknown[], parent: PathLink | null, scoped: (index: number) => boolean) => {
    for (let index = items.length - 1; index >= 0; index--) stack.push({ value: items[index], at: { parent, segment: index }, scoped: scoped(index) });
  };
  while (stack.length > 0) {
    const { value, at, scoped } = stack.pop()!;
    if (Array.isArray(value)) {
      pushAll(value, at, () => scoped);
      continue;
    }
    if (!isPlainObject(value)) continue;
    const keys = Object.keys(value);
    if (keys.length !== 1) {
      const named = keys.slice(0, 5).map((key) => JSON.stringify(key)).join(', ');
      const params = keys.length === 0 ? ({ context: 'noKey' } as const) : ({ context: 'keys', count: keys.length, keys: named } as const);
      problems.push(problem('error', WORKFLOW_PROBLEM.invalidLogic, pathAt(at), params, options.nodeId));
      continue;
    }
    const operator = keys[0]!;
    const inside = { parent: at, segment: operator };
    if (operator === 'log') {
      problems.push(problem('error', WORKFLOW_PROBLEM.invalidLogic, pathAt(inside), { context: 'log' }, options.nodeId));
      continue;
    }
    if (!JSON_LOGIC_OPERATORS.has(operator)) {
      problems.push(problem('error', WORKFLOW_PROBLEM.invalidLogic, pathAt(inside), { context: 'unknownOperator', operator: JSON.stringify(operator) }, options.nodeId));
      continue;
    }
    const argument = value[operator];
    if (operator === 'var' && !scoped && options.dataRoots) {
      const found = unknownVariable(argument, options.dataRoots, pathAt(inside), options.nodeId);
      if (found !== undefined) problems.push(found);
    }
    if (SCOPING_OPERATORS.has(operator) && Array.isArray(argument)) pushAll(argument, inside, (index) => scoped || index === 1);
    else stack.push({ value: argument, at: inside, scoped });
  }
  return problems;
}

function segments(link: PathLink | null): (string | number)[] {
  const list: (string | number)[] = [];
  for (let at = link; at !== null; at = at.parent) list.push(at.segment);
  return list.reverse();
}

/** A `var` that reads outside the data a condition sees, or undefined when it does not. */
function unknownVariable(argument: unknown, roots: readonly string[], path: Path, nodeId: string | undefined): Problem | undefined {
  const name = Array.isArray(argument) ? argument[0] : argument;
  if (typeof name !== 'string' && typeof name !== 'number') return undefined;
  const text = String(name);
  if (text === '' || roots.includes(text.split('.')[0]!)) return undefined;
  const params = { context: 'condition', variable: JSON.stringify(text), roots: `{${roots.join(', ')}}`, suggestion: JSON.stringify(`${roots[0]}.${text}`) } as const;
  return problem('warning', WORKFLOW_PROBLEM.unknownVariable, path, params, nodeId);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
