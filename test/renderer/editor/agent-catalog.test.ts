import { describe, expect, it } from 'vitest';
import { agentCatalogEntrySchema, type AgentCatalogEntry } from '../../../src/shared/engine/protocol';
import { AGENT_KINDS, groupCatalog, type AgentCatalogItem } from '../../../src/renderer/src/editor/model/agent-catalog';

describe('agent catalog', () => {
  it('takes the Engine protocol’s catalog entries as they are, every kind included', () => {
    const entry: AgentCatalogEntry = agentCatalogEntrySchema.parse({ agentLoad: 'sim.run', kind: 'sim', name: 'Simulation', configSchema: { type: 'object' } });
    // Compiles only while a protocol entry is assignable to the editor's item.
    const item: AgentCatalogItem = entry;
    expect(item.configSchema).toEqual({ type: 'object' });
    expect([...AGENT_KINDS].sort()).toEqual([...agentCatalogEntrySchema.shape.kind.options].sort());
  });

  it('groups by kind in palette order, sorted by name, once per agent load', () => {
    const groups = groupCatalog([
      { agentLoad: 'http.post', kind: 'http', name: 'Post' },
      { agentLoad: 'sim.b', kind: 'sim', name: 'Beta' },
      { agentLoad: 'sim.a', kind: 'sim', name: 'Alpha' },
      { agentLoad: 'sim.a', kind: 'sim', name: 'Alpha again from another Engine' },
    ]);
    expect(groups.map((group) => group.kind)).toEqual(['sim', 'http']);
    expect(groups[0]?.items.map((item) => item.agentLoad)).toEqual(['sim.a', 'sim.b']);
  });
});
