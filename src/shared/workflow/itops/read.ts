import { validateWorkflow, type ValidationOptions, type ValidationResult } from '../validate';
import { itopsToDefinition } from './import';
import { placeOnTemplate } from './paths';
import type { Problem } from '../problems';

/**
 * An IT-ops template read and validated as a definition: the conversion's problems and the
 * validator's, every one placed on the template (`nodes[3].type`, `edges[2].target`).
 */
export function readItopsTemplate(input: unknown, options: ValidationOptions = {}): ValidationResult {
  const converted = itopsToDefinition(input);
  if (!converted.definition) return { ok: false, problems: converted.problems };
  const validated = validateWorkflow(converted.definition, options);
  const seen = new Set(converted.problems.map(problemKey));
  const placed = placeOnTemplate(validated.problems, converted.places).filter((found) => !seen.has(problemKey(found)));
  const problems = [...converted.problems, ...placed];
  return validated.definition ? { ok: true, definition: validated.definition, problems } : { ok: false, problems };
}

function problemKey(found: Problem): string {
  return JSON.stringify([found.severity, found.code, found.path, found.message]);
}
