import { configGaps } from '../../../../shared/workflow/config-requirements';

/**
 * What an agent's manifest says its config should hold, read from the JSON Schema in its
 * catalog entry, so the inspector can list the expected fields beside the JSON editor.
 */
export interface ConfigField {
  name: string;
  type?: string;
  description?: string;
  required: boolean;
  defaultValue?: unknown;
  choices?: unknown[];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function typeName(schema: Record<string, unknown>): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.filter((entry) => typeof entry === 'string').join(' | ');
  return undefined;
}

export function configFields(schema: Record<string, unknown> | undefined): ConfigField[] {
  const properties = asRecord(schema?.['properties']);
  if (!properties) return [];
  const required = new Set(Array.isArray(schema?.['required']) ? schema['required'].filter((entry) => typeof entry === 'string') : []);
  return Object.entries(properties).map(([name, raw]) => {
    const property = asRecord(raw) ?? {};
    const type = typeName(property);
    const description = typeof property['description'] === 'string' ? property['description'] : undefined;
    return {
      name,
      required: required.has(name),
      ...(type ? { type } : {}),
      ...(description ? { description } : {}),
      ...('default' in property ? { defaultValue: property['default'] } : {}),
      ...(Array.isArray(property['enum']) ? { choices: property['enum'] } : {}),
    };
  });
}

/** Required fields the config does not have yet (as the validator reads the manifest). */
export function missingConfigFields(schema: Record<string, unknown> | undefined, config: Record<string, unknown> | undefined): string[] {
  return configGaps(schema, config, undefined).flatMap((gap) => (gap.kind === 'missing' ? [gap.field] : []));
}

/** A starting config for a new agent: every field the schema gives a default for. */
export function defaultConfig(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of configFields(schema)) if (field.defaultValue !== undefined) config[field.name] = field.defaultValue;
  return config;
}
