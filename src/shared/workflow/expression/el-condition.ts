import { type JsonLogic, VARIABLES_ROOT, variable } from './logic';

/**
 * Translates the simple expressions BPMN engines put in conditionExpressions (JUEL/EL, as in
 * `${amount > 1000}`, `#{approved}`, `${x == 'y' && !done}`) into JSON Logic over the task
 * variables. Only comparisons, boolean operators, literals and variable paths translate;
 * anything else (method calls, arithmetic, scripts) returns undefined and the caller warns.
 */

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '.', '-'];
const WORD_OPERATORS: Record<string, string> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
  and: '&&',
  or: '||',
  not: '!',
};
const COMPARISONS: Record<string, string> = { '==': '==', '===': '==', '!=': '!=', '!==': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };
const LITERAL_NAMES: Record<string, JsonLogic> = { true: true, false: false, null: null };

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      index += number[0].length;
      continue;
    }
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      const literal = readString(rest, quote);
      if (!literal) return undefined;
      tokens.push({ kind: 'string', value: literal.value });
      index += literal.length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(rest);
    if (name) {
      const word = WORD_OPERATORS[name[0]];
      tokens.push(word ? { kind: 'op', value: word } : { kind: 'name', value: name[0] });
      index += name[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!operator) return undefined;
    tokens.push({ kind: 'op', value: operator });
    index += operator.length;
  }
  return tokens;
}

function readString(rest: string, quote: string): { value: string; length: number } | undefined {
  let value = '';
  for (let index = 1; index < rest.length; index += 1) {
    const char = rest[index];
    if (char === '\\') {
      const next = rest[index + 1];
      if (next === undefined) return undefined;
      value += next;
      index += 1;
    } else if (char === quote) {
      return { value, length: index + 1 };
    } else {
      value += char;
    }
  }
  return undefined;
}

/** A value: a variable path, a literal, or a nested boolean expression. */
type Operand = { kind: 'path'; path: string } | { kind: 'literal'; value: JsonLogic } | { kind: 'logic'; logic: JsonLogic };

class ExpressionParser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly toVar: (path: string) => JsonLogic,
  ) {}

  parse(): JsonLogic | undefined {
    const result = this.disjunction();
    return result !== undefined && this.position === this.tokens.length ? result : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private takeOp(value: string): boolean {
    const token = this.peek();
    if (token?.kind === 'op' && token.value === value) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private disjunction(): JsonLogic | undefined {
    return this.chain('||', 'or', () => this.conjunction());
  }

  private conjunction(): JsonLogic | undefined {
    return this.chain('&&', 'and', () => this.negation());
  }

  private chain(op: string, logicOp: string, next: () => JsonLogic | undefined): JsonLogic | undefined {
    const first = next();
    if (first === undefined) return undefined;
    const items = [first];
    while (this.takeOp(op)) {
      const item = next();
      if (item === undefined) return undefined;
      items.push(item);
    }
    return items.length === 1 ? first : { [logicOp]: items };
  }

  private negation(): JsonLogic | undefined {
    if (this.takeOp('!')) {
      const inner = this.negation();
      return inner === undefined ? undefined : { '!': [inner] };
    }
    return this.comparison();
  }

  private comparison(): JsonLogic | undefined {
    const left = this.operand();
    if (!left) return undefined;
    const token = this.peek();
    const comparison = token?.kind === 'op' ? COMPARISONS[token.value] : undefined;
    if (!comparison) return asCondition(left, this.toVar);
    this.position += 1;
    const right = this.operand();
    if (!right) return undefined;
    const next = this.peek();
    if (next?.kind === 'op' && COMPARISONS[next.value]) return undefined;
    return { [comparison]: [asValue(left, this.toVar), asValue(right, this.toVar)] };
  }

  private operand(): Operand | undefined {
    const token = this.peek();
    if (!token) return undefined;
    this.position += 1;
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'name':
        return this.path(token.value);
      case 'op':
        return this.operatorOperand(token.value);
    }
  }

  private operatorOperand(op: string): Operand | undefined {
    if (op === '(') {
      const inner = this.disjunction();
      return inner !== undefined && this.takeOp(')') ? { kind: 'logic', logic: inner } : undefined;
    }
    if (op === '-') {
      const next = this.peek();
      if (next?.kind !== 'number') return undefined;
      this.position += 1;
      return { kind: 'literal', value: -next.value };
    }
    return undefined;
  }

  private path(first: string): Operand | undefined {
    if (first in LITERAL_NAMES) return { kind: 'literal', value: LITERAL_NAMES[first] ?? null };
    const segments = [first];
    while (this.takeOp('.')) {
      const next = this.peek();
      if (next?.kind !== 'name') return undefined;
      segments.push(next.value);
      this.position += 1;
    }
    // A call such as execution.getVariable('x') has no JSON Logic equivalent.
    const after = this.peek();
    if (after?.kind === 'op' && after.value === '(') return undefined;
    return { kind: 'path', path: segments.join('.') };
  }
}

function asValue(operand: Operand, toVar: (path: string) => JsonLogic): JsonLogic {
  switch (operand.kind) {
    case 'path':
      return toVar(operand.path);
    case 'literal':
      return operand.value;
    case 'logic':
      return operand.logic;
  }
}

function asCondition(operand: Operand, toVar: (path: string) => JsonLogic): JsonLogic {
  return operand.kind === 'path' ? { '!!': [toVar(operand.path)] } : asValue(operand, toVar);
}

const EL_WRAPPER = /^\s*[$#]\{([\s\S]*)\}\s*$/;

/** The JSON Logic for an EL condition such as `${amount > 1000}`, or undefined. */
export function elToJsonLogic(expression: string): JsonLogic | undefined {
  const wrapped = EL_WRAPPER.exec(expression);
  if (!wrapped?.[1]) return undefined;
  return parse(wrapped[1], variable);
}

/** The roots of a condition's data ({result, variables}) a rooted path may start at. */
const DATA_ROOTS = new Set(['result', VARIABLES_ROOT]);

/**
 * The JSON Logic for a condition written in a workflow file rather than a BPMN engine's EL
 * (the IT-ops template's `variables.needPatch == true`): the `${…}` wrapper is optional, and
 * a path that starts at a root of the condition's data (`variables.x`, `result.ok`) is taken
 * as written; any other path (`ok`) is a task variable, as in EL.
 */
export function conditionToJsonLogic(expression: string): JsonLogic | undefined {
  const wrapped = EL_WRAPPER.exec(expression);
  return parse(wrapped ? (wrapped[1] ?? '') : expression, rootedVariable);
}

function rootedVariable(path: string): JsonLogic {
  return DATA_ROOTS.has(path.split('.')[0]!) ? { var: path } : variable(path);
}

function parse(body: string, toVar: (path: string) => JsonLogic): JsonLogic | undefined {
  const tokens = tokenize(body);
  if (!tokens || tokens.length === 0) return undefined;
  return new ExpressionParser(tokens, toVar).parse();
}
