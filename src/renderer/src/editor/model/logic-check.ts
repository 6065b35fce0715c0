import jsonLogic from 'json-logic-js';

/**
 * Checks JSON Logic typed into the editor as the user types: the text must be JSON, the
 * expression an object or a boolean, and every operator one that json-logic-js knows.
 * Whether the expression makes sense for the workflow is the validator's to say.
 */
export type LogicCheck =
  | { ok: true; value: unknown; empty: boolean }
  | { ok: false; error: 'syntax'; detail: string }
  | { ok: false; error: 'shape' }
  | { ok: false; error: 'operator'; detail: string };

const UNRECOGNISED = /^Unrecognized operation (.+)$/;

export function checkLogicText(text: string): LogicCheck {
  if (text.trim() === '') return { ok: true, value: undefined, empty: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse throws nothing but SyntaxError.
    return { ok: false, error: 'syntax', detail: (error as SyntaxError).message };
  }
  if (typeof value !== 'boolean' && (typeof value !== 'object' || value === null || Array.isArray(value))) return { ok: false, error: 'shape' };
  const unknownOperator = findUnknownOperator(value);
  if (unknownOperator) return { ok: false, error: 'operator', detail: unknownOperator };
  return { ok: true, value, empty: false };
}

/**
 * Walks every operation, branches that would not run included, and asks json-logic-js about
 * each operator alone: it names the ones it does not know.
 */
function findUnknownOperator(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnknownOperator(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!jsonLogic.is_logic(value)) return undefined;
  const op = jsonLogic.get_operator(value as Record<string, unknown>);
  if (!isKnownOperator(op)) return op;
  return findUnknownOperator((value as Record<string, unknown>)[op]);
}

function isKnownOperator(op: string): boolean {
  try {
    jsonLogic.apply({ [op]: [] } as jsonLogic.RulesLogic, {});
    return true;
  } catch (error) {
    return !(error instanceof Error && UNRECOGNISED.test(error.message));
  }
}
