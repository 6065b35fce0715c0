import { describe, expect, it } from 'vitest';
import { MAX_NODE_REM, MIN_NODE_REM, nodeColumnRem, nodeRowRem } from '../../../../../src/renderer/src/monitor/tree/model/node-width';

const node = (nodeId: string, level: number, extra: { name?: string; nodeType?: 'agent' | 'container'; errorCode?: string } = {}) => ({
  nodeId,
  name: extra.name ?? null,
  level,
  nodeType: extra.nodeType ?? ('agent' as const),
  errorCode: extra.errorCode ?? null,
});

describe('the Node column width', () => {
  it('is the widest row: deeper and longer ids are wider, and a short tree keeps the heading room', () => {
    const shallow = nodeRowRem(node('wave-09-agent-001-reconcile-inventory', 1), 0);
    expect(nodeRowRem(node('wave-09-agent-001-reconcile-inventory', 3), 0)).toBeGreaterThan(shallow);
    expect(nodeRowRem(node('wave-09-agent-001-reconcile-inventory-again', 1), 0)).toBeGreaterThan(shallow);
    expect(nodeColumnRem([node('ops', 0, { nodeType: 'container' }), node('wave-09-agent-001-reconcile-inventory', 1)])).toBeGreaterThanOrEqual(shallow);
    expect(nodeColumnRem([node('ops', 0, { nodeType: 'container' }), node('a', 1)])).toBe(MIN_NODE_REM);
  });

  it('counts a name shown before its id, wide characters and an error code, and stops at a most', () => {
    expect(nodeRowRem(node('n1', 1, { name: '侦察节点' }), 0)).toBeGreaterThan(nodeRowRem(node('n1', 1, { name: 'abcd' }), 0));
    expect(nodeRowRem(node('n1', 1, { errorCode: 'AGENT_TIMEOUT' }), 0)).toBeGreaterThan(nodeRowRem(node('n1', 1), 0));
    expect(nodeColumnRem([node('x'.repeat(400), 0)])).toBe(MAX_NODE_REM);
  });
});
