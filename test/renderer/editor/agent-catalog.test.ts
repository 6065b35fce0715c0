import { describe, expect, it } from 'vitest';
import { groupCatalog } from '../../../src/renderer/src/editor/model/agent-catalog';

describe('agent catalog', () => {
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
