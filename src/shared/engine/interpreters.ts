/** The interpreters the command agent runs an inline `script` with; BPMN's scriptFormat maps onto them. */
export const INTERPRETERS = ['sh', 'bash', 'python3', 'node', 'pwsh'] as const;
export type Interpreter = (typeof INTERPRETERS)[number];

export function isInterpreter(value: unknown): value is Interpreter {
  return typeof value === 'string' && (INTERPRETERS as readonly string[]).includes(value);
}
