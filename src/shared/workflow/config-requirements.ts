/**
 * What an agent's manifest requires of a node's config, read from the JSON Schema in its
 * catalog entry: the `required` fields, and alternatives written as `oneOf` / `anyOf`
 * branches that each require fields (`{"oneOf": [{"required": ["command"]}, {"required":
 * ["script"]}]}`), at the top level or inside `allOf`. A field counts as given when the
 * node's config has it or the manifest's `defaults` supply it; `oneOf` also refuses a config
 * that itself gives more than one alternative. Other JSON Schema keywords are the agent's
 * business at start.
 */

export type ConfigGap =
  | { kind: 'missing'; field: string }
  /** None of the alternatives is given (each listed by the fields it requires). */
  | { kind: 'noAlternative'; alternatives: string[][]; exclusive: boolean }
  /** oneOf: the config gives several alternatives where exactly one is allowed. */
  | { kind: 'severalAlternatives'; alternatives: string[][] };

type JsonRecord = Record<string, unknown>;

function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

function requiredOf(schema: JsonRecord): string[] | undefined {
  const required = schema['required'];
  return Array.isArray(required) ? required.filter((field): field is string => typeof field === 'string') : undefined;
}

/** Branches that each require something; undefined when a branch requires nothing (then it always holds). */
function alternativesOf(branches: unknown): string[][] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const alternatives: string[][] = [];
  for (const branch of branches) {
    const required = requiredOf(asRecord(branch) ?? {});
    if (!required || required.length === 0) return undefined;
    alternatives.push(required);
  }
  return alternatives;
}

export function configGaps(schema: JsonRecord | undefined, config: JsonRecord | undefined, defaults: JsonRecord | undefined): ConfigGap[] {
  const gaps: ConfigGap[] = [];
  const given = (field: string) => (config !== undefined && Object.hasOwn(config, field)) || (defaults !== undefined && Object.hasOwn(defaults, field));
  const own = (field: string) => config !== undefined && Object.hasOwn(config, field);
  const seen = new Set<string>();
  const visit = (node: JsonRecord, depth: number) => {
    for (const field of requiredOf(node) ?? []) {
      if (seen.has(field) || given(field)) continue;
      seen.add(field);
      gaps.push({ kind: 'missing', field });
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const alternatives = alternativesOf(node[keyword]);
      if (!alternatives) continue;
      const exclusive = keyword === 'oneOf';
      if (!alternatives.some((fields) => fields.every(given))) gaps.push({ kind: 'noAlternative', alternatives, exclusive });
      else if (exclusive && alternatives.filter((fields) => fields.every(own)).length > 1) gaps.push({ kind: 'severalAlternatives', alternatives });
    }
    const all = node['allOf'];
    if (Array.isArray(all) && depth < 8) for (const part of all) visit(asRecord(part) ?? {}, depth + 1);
  };
  if (schema) visit(schema, 0);
  return gaps;
}

/** `"command", "script"`; `"url" + "method"` for a branch that requires several fields. */
export function describeAlternatives(alternatives: readonly string[][]): string {
  return alternatives.map((fields) => fields.map((field) => JSON.stringify(field)).join(' + ')).join(', ');
}
