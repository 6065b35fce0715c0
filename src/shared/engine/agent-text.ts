import type { AgentCatalogEntry, AgentTranslation } from './protocol';

/**
 * The translation of a manifest for a console language: the exact tag first (`zh-CN`), then
 * the language alone (`zh`), compared without regard to case; none when the manifest has neither.
 */
export function agentTranslation(entry: AgentCatalogEntry, language: string): AgentTranslation | undefined {
  const translations = entry.translations;
  if (!translations) return undefined;
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0];
  let fallback: AgentTranslation | undefined;
  for (const [tag, translation] of Object.entries(translations)) {
    const lower = tag.toLowerCase();
    if (lower === wanted) return translation;
    if (lower === base) fallback = translation;
  }
  return fallback;
}

/**
 * A catalog entry as a console in `language` shows it: name, description and config field
 * descriptions from its translation where it has them, its own words elsewhere.
 */
export function localizeAgent(entry: AgentCatalogEntry, language: string): AgentCatalogEntry {
  const translation = agentTranslation(entry, language);
  if (!translation) return entry;
  return {
    ...entry,
    name: translation.name ?? entry.name,
    ...(translation.description !== undefined || entry.description !== undefined ? { description: translation.description ?? entry.description } : {}),
    ...(entry.configSchema && translation.fields ? { configSchema: withFieldDescriptions(entry.configSchema, translation.fields) } : {}),
  };
}

function withFieldDescriptions(schema: NonNullable<AgentCatalogEntry['configSchema']>, descriptions: Record<string, string>): NonNullable<AgentCatalogEntry['configSchema']> {
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return schema;
  const translated = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const description = Object.hasOwn(descriptions, name) ? descriptions[name] : undefined;
      const isObject = typeof property === 'object' && property !== null && !Array.isArray(property);
      return [name, description !== undefined && isObject ? { ...property, description } : property];
    }),
  );
  return { ...schema, properties: translated };
}
