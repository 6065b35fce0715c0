import { validateWorkflow, type ValidationOptions, type ValidationResult } from '../validate';
import { itopsToDefinition } from './import';
import { placeOnTemplate } from './paths';

/**
 * An IT-ops template read and validated as a definition: the conversion's problems and the
 * validator's, every one placed on the template (`nodes[3].type`, `edges[2].target`).
 */
export function readItopsTemplate(input: unknown, options: ValidationOptions = {}): ValidationResult {
  const converted = itopsToDefinition(input);
  if (!converted.definition) return { ok: false, problems: converted.problems };
  const validated = validateWorkflow(converted.definition, options);
  const ids = new Map<number, string>();
  const nodes = (input as { nodes: { id: string }[] }).nodes;
  converted.places.nodes.forEach((place) => {
    if (place.kind === 'node') ids.set(place.index, nodes[place.index]!.id);
  });
  const problems = [...converted.problems, ...placeOnTemplate(validated.problems, converted.places, ids)];
  return validated.definition ? { ok: true, definition: validated.definition, problems } : { ok: false, problems };
}
