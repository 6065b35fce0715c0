import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentTranslation, localizeAgent } from '../../../src/shared/engine/agent-text';
import { agentCatalogEntrySchema, type AgentCatalogEntry } from '../../../src/shared/engine/protocol';
import { loadCatalog } from '../../../src/engine/catalog';
import { REPO_ROOT } from '../../helpers/paths';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const probe: AgentCatalogEntry = {
  agentLoad: 'probe',
  kind: 'http',
  name: 'Probe',
  description: 'Calls a URL',
  configSchema: { type: 'object', properties: { url: { type: 'string', description: 'Where to call' }, retries: { type: 'integer' } } },
  translations: { zh: { name: '探测' }, 'zh-CN': { name: '探测器', description: '调用一个地址', fields: { url: '调用的地址', retries: '重试次数', missing: '无此字段' } } },
};

describe('agent manifests in the console’s language', () => {
  it('takes the exact language tag first, then the language alone, ignoring case; none otherwise', () => {
    expect(agentTranslation(probe, 'zh-CN')?.name).toBe('探测器');
    expect(agentTranslation(probe, 'ZH-cn')?.name).toBe('探测器');
    expect(agentTranslation(probe, 'zh-TW')?.name).toBe('探测');
    expect(agentTranslation(probe, 'en')).toBeUndefined();
    expect(agentTranslation({ ...probe, translations: undefined }, 'zh-CN')).toBeUndefined();
  });

  it('replaces name, description and config field descriptions, and keeps everything else', () => {
    const shown = localizeAgent(probe, 'zh-CN');
    expect(shown).toMatchObject({ agentLoad: 'probe', kind: 'http', name: '探测器', description: '调用一个地址' });
    expect(shown.configSchema).toEqual({ type: 'object', properties: { url: { type: 'string', description: '调用的地址' }, retries: { type: 'integer', description: '重试次数' } } });
    expect(localizeAgent(probe, 'zh-TW')).toMatchObject({ name: '探测', description: 'Calls a URL', configSchema: probe.configSchema });
    expect(localizeAgent(probe, 'en')).toBe(probe);
  });

  it('refuses a translation under something that is not a language tag', () => {
    const parsed = agentCatalogEntrySchema.safeParse({ ...probe, translations: { 'Chinese please': { name: 'x' } } });
    expect(parsed.success).toBe(false);
  });

  it('finds every shipped manifest translated into Simplified Chinese, field descriptions included', () => {
    const entries = loadCatalog(join(REPO_ROOT, 'catalog'), quiet).entries();
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const entry of entries) {
      const translation = agentTranslation(entry, 'zh-CN');
      expect(translation?.name, entry.agentLoad).toMatch(/\p{Script=Han}/u);
      if (entry.description !== undefined) expect(translation?.description, entry.agentLoad).toMatch(/\p{Script=Han}/u);
      const properties = (entry.configSchema?.['properties'] ?? {}) as Record<string, { description?: string }>;
      for (const [field, property] of Object.entries(properties)) {
        if (property.description !== undefined) expect(translation?.fields?.[field], `${entry.agentLoad}.${field}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});
