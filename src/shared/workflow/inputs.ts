import type { InputType, WorkflowInput } from './definition';

/** Whether a value is of a declared input's type (`integer`: a whole number; `object`: not an array). */
export function fitsInputType(type: InputType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** What a value is, for a message saying it is not of the type wanted. */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? `the whole number ${value}` : `the number ${value}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

export type InputGap = { kind: 'missing'; input: WorkflowInput } | { kind: 'wrongType'; input: WorkflowInput; value: unknown };

/**
 * A task's variables with the declared inputs' defaults filled in where a variable is absent,
 * and what keeps them from fitting the declarations: a required input without value or
 * default, or a value of the wrong type.
 */
export function applyInputs(inputs: readonly WorkflowInput[], given: Readonly<Record<string, unknown>>): { variables: Record<string, unknown>; gaps: InputGap[] } {
  const variables: Record<string, unknown> = { ...given };
  const gaps: InputGap[] = [];
  for (const input of inputs) {
    const value = Object.hasOwn(variables, input.name) ? variables[input.name] : undefined;
    if (value === undefined) {
      if (input.default !== undefined) Object.defineProperty(variables, input.name, { value: input.default, enumerable: true, writable: true, configurable: true });
      else if (input.required) gaps.push({ kind: 'missing', input });
      continue;
    }
    if (!fitsInputType(input.type, value)) gaps.push({ kind: 'wrongType', input, value });
  }
  return { variables, gaps };
}
