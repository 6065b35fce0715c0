import type { z } from 'zod';
import type { jsonLogicSchema } from '../definition';

/** A JSON Logic expression, as a workflow definition holds one. */
export type JsonLogic = z.infer<typeof jsonLogicSchema>;

/** Where a BPMN expression's process variables live in a condition's data ({result, variables}). */
export const VARIABLES_ROOT = 'variables';

export function variable(path: string): JsonLogic {
  return { var: `${VARIABLES_ROOT}.${path}` };
}

/** Conjunction; `undefined` stands for "no condition" (always true) and drops out. */
export function and(conditions: readonly (JsonLogic | undefined)[]): JsonLogic | undefined {
  const present = uniqueConditions(conditions.filter((condition): condition is JsonLogic => condition !== undefined));
  if (present.length <= 1) return present[0];
  return { and: present };
}

/** Disjunction; one unconditional alternative makes the whole unconditional. */
export function or(conditions: readonly (JsonLogic | undefined)[]): JsonLogic | undefined {
  if (conditions.length === 0 || conditions.some((condition) => condition === undefined)) return undefined;
  const present = uniqueConditions(conditions as JsonLogic[]);
  if (present.length === 1) return present[0];
  return { or: present };
}

export function not(condition: JsonLogic): JsonLogic {
  return { '!': [condition] };
}

function uniqueConditions(conditions: readonly JsonLogic[]): JsonLogic[] {
  const seen = new Set<string>();
  return conditions.filter((condition) => {
    const key = JSON.stringify(condition);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
