import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemMessage, problemTitle } from '../../../src/renderer/src/common/problem-text';
import { resources } from '../../../src/renderer/src/i18n/resources';
import type { AgentCatalogEntry } from '../../../src/shared/engine/protocol';
import { formatPlace } from '../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { container, flat, workflow, agent } from '../../helpers/workflow';

async function translator(lng: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance.t;
}

const catalog: AgentCatalogEntry[] = [
  { agentLoad: 'http', kind: 'http', name: 'HTTP call', configSchema: { type: 'object', required: ['url'] } },
  { agentLoad: 'command', kind: 'process', name: 'Command', configSchema: { oneOf: [{ required: ['command'] }, { required: ['script'] }] } },
  { agentLoad: 'either', kind: 'process', name: 'Either', configSchema: { anyOf: [{ required: ['a'] }, { required: ['b'] }] } },
];

/** What the Problems panel lists for configs their manifests refuse, and for settings without effect. */
const found = [
  ...validateWorkflow(flat(['probe', { agentLoad: 'http' }], ['run', { agentLoad: 'command' }], ['both', { agentLoad: 'command', agentConfig: { command: 'sh', script: 'x' } }], ['any', { agentLoad: 'either' }]), { agents: catalog }).problems,
  ...validateWorkflow(workflow([container('root'), container('box', { parentId: 'root', priority: 5 }), agent('inside', 'box')])).problems,
];

describe('the Problems panel on agent configs and settings without effect', () => {
  it('finds each kind, each in its place named by node id', () => {
    expect(found.map((problem) => [problem.code, problem.params?.context ?? null, formatPlace(problem)])).toEqual([
      ['MISSING_CONFIG_FIELD', null, 'node "probe" › agentConfig.url'],
      ['CONFIG_ALTERNATIVES', 'noneOfExactlyOne', 'node "run" › agentConfig'],
      ['CONFIG_ALTERNATIVES', 'severalOf', 'node "both" › agentConfig'],
      ['CONFIG_ALTERNATIVES', 'noneOfAny', 'node "any" › agentConfig'],
      ['POINTLESS_SETTING', 'containerPriority', 'node "box" › priority'],
    ]);
  });

  it('words them in English as the validator does, and in Chinese with the ids in them', async () => {
    const en = await translator('en');
    const zh = await translator('zh-CN');
    for (const problem of found) {
      expect(problemMessage(en, problem)).toBe(problem.message);
      expect(problemTitle(zh, problem)).toMatch(/\p{Script=Han}/u);
      const text = problemMessage(zh, problem);
      expect(text, problem.message).toMatch(/\p{Script=Han}/u);
      for (const value of Object.values(problem.params!)) if (typeof value === 'string' && value.startsWith('"')) expect(text).toContain(value);
    }
  });
});
