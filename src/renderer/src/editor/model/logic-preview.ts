/**
 * A readable one-line rendering of a JSON Logic expression, for edge labels and the
 * condition editor: {">": [{"var": "result.score"}, 0.5]} reads `result.score > 0.5`.
 * Operators without a natural infix form read as calls, so every expression has a preview.
 */
const INFIX: Record<string, string> = {
  '==': '==',
  '===': '===',
  '!=': '!=',
  '!==': '!==',
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
  in: 'in',
  and: 'and',
  or: 'or',
};

/** Binding strength, loosest first; an operand that binds looser than its operator gets brackets. */
const PRECEDENCE: Record<string, number> = {
  if: 0,
  or: 1,
  and: 2,
  '!': 3,
  '==': 4,
  '===': 4,
  '!=': 4,
  '!==': 4,
  '>': 4,
  '>=': 4,
  '<': 4,
  '<=': 4,
  in: 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const ATOM = 10;

interface Rendered {
  text: string;
  precedence: number;
}

function operation(value: unknown): [string, unknown[]] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const op = keys[0] as string;
  const raw = (value as Record<string, unknown>)[op];
  return [op, Array.isArray(raw) ? raw : [raw]];
}

function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => render(item).text).join(', ')}]`;
  return JSON.stringify(value);
}

function operand(value: unknown, parent: number, strict: boolean): string {
  const inner = render(value);
  return inner.precedence < parent || (strict && inner.precedence === parent) ? `(${inner.text})` : inner.text;
}

function render(value: unknown): Rendered {
  const found = operation(value);
  if (!found) return { text: literal(value), precedence: ATOM };
  const [op, args] = found;
  if (op === 'var') {
    const [path, fallback] = args;
    const name = path === '' || path === undefined || path === null ? 'data' : String(path);
    return fallback === undefined ? { text: name, precedence: ATOM } : { text: `${name} ?? ${literal(fallback)}`, precedence: 1 };
  }
  if (op === '!') return { text: `not ${operand(args[0], PRECEDENCE['!'] ?? 3, false)}`, precedence: PRECEDENCE['!'] ?? 3 };
  if (op === '!!') return { text: `truthy(${render(args[0]).text})`, precedence: ATOM };
  if (op === 'if' || op === '?:') {
    const parts: string[] = [];
    let i = 0;
    for (; i + 1 < args.length; i += 2) parts.push(`${i === 0 ? 'if' : 'else if'} ${render(args[i]).text} then ${render(args[i + 1]).text}`);
    if (i < args.length) parts.push(`else ${render(args[i]).text}`);
    return { text: parts.join(' '), precedence: 0 };
  }
  const infix = INFIX[op];
  const precedence = PRECEDENCE[op];
  if (infix && precedence !== undefined) {
    if (op === '-' && args.length === 1) return { text: `-${operand(args[0], ATOM, false)}`, precedence: ATOM };
    if (args.length >= 2) {
      // Comparisons and the non-associative arithmetic operators bracket an equal-strength right operand.
      const text = args.map((arg, i) => operand(arg, precedence, i > 0 && op !== 'and' && op !== 'or' && op !== '+' && op !== '*')).join(` ${infix} `);
      return { text, precedence };
    }
  }
  return { text: `${op}(${args.map((arg) => render(arg).text).join(', ')})`, precedence: ATOM };
}

export function describeLogic(expression: unknown): string {
  return render(expression).text;
}
