import { type JsonLogic, VARIABLES_ROOT } from './logic';

/**
 * Renders a JSON Logic condition as an EL expression (`${amount > 1000}`) for people reading an
 * exported BPMN file; the exact condition travels beside it as JSON. The inverse of
 * el-condition.ts for what that accepts; anything else returns undefined.
 */

const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);

function isRecord(value: JsonLogic): value is { [key: string]: JsonLogic } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function singleOperator(value: JsonLogic): [string, JsonLogic[]] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const op = keys[0] as string;
  const args = value[op];
  return [op, Array.isArray(args) ? args : [args as JsonLogic]];
}

/** Rooted: paths printed as written (`variables.x`), the reading of conditionToJsonLogic; else relative to the variables, for EL. */
type PathStyle = 'rooted' | 'el';

function printValue(value: JsonLogic, style: PathStyle): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean' || value === null) return String(value);
  const operator = singleOperator(value);
  if (operator?.[0] === 'var') {
    const path = operator[1][0];
    if (typeof path !== 'string' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(path)) return undefined;
    if (style === 'rooted') return path;
    return path.startsWith(`${VARIABLES_ROOT}.`) ? path.slice(VARIABLES_ROOT.length + 1) : path;
  }
  const inner = printCondition(value, style);
  return inner === undefined ? undefined : `(${inner})`;
}

function printCondition(value: JsonLogic, style: PathStyle): string | undefined {
  const operator = singleOperator(value);
  if (!operator) return printValue(value, style);
  const [op, args] = operator;
  if (COMPARISONS.has(op) && args.length === 2) {
    const [left, right] = args.map((arg) => printValue(arg, style));
    return left === undefined || right === undefined ? undefined : `${left} ${op.slice(0, 2)} ${right}`;
  }
  if ((op === 'and' || op === 'or') && args.length >= 2) {
    const parts = args.map((arg) => printValue(arg, style));
    return parts.some((part) => part === undefined) ? undefined : parts.join(op === 'and' ? ' && ' : ' || ');
  }
  if ((op === '!' || op === '!!') && args.length === 1) {
    const inner = printValue(args[0] as JsonLogic, style);
    if (inner === undefined) return undefined;
    return op === '!' ? `!${inner}` : inner;
  }
  if (op === 'var') return printValue(value, style);
  return undefined;
}

export function jsonLogicToEl(condition: JsonLogic): string | undefined {
  const body = printCondition(condition, 'el');
  return body === undefined ? undefined : `\${${body}}`;
}

/** A condition as conditionToJsonLogic reads it (`variables.x == 1`), or undefined. */
export function jsonLogicToCondition(condition: JsonLogic): string | undefined {
  return printCondition(condition, 'rooted');
}
