import jsonLogic from 'json-logic-js';
import { errorText } from '../error-text';

export type LogicOutcome = { ok: true; value: boolean } | { ok: false; error: string };

/**
 * Evaluates a JSON Logic expression with json-logic-js and reads the answer with its own
 * notion of truth (empty arrays are false). Never `eval`; an expression the library cannot
 * evaluate is an outcome, not an exception, so one bad condition cannot stop the scheduler.
 */
export function holds(logic: unknown, data: object): LogicOutcome {
  try {
    return { ok: true, value: jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, data)) };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
