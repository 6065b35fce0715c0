/** A root container holding `count` agents one after another: its BPMN export takes the host real work. */
export function agentChain(count: number): { name: string; nodes: unknown[] } {
  const nodes: unknown[] = [{ nodeId: 'root', nodeType: 'container', isRoot: true }];
  for (let index = 0; index < count; index += 1) {
    nodes.push({
      nodeId: `n${index}`,
      nodeType: 'agent',
      parentId: 'root',
      agentLoad: 'sim',
      agentConfig: {},
      ...(index > 0 ? { dependencies: [{ sourceNodeId: `n${index - 1}`, type: 'success' }] } : {}),
    });
  }
  return { name: 'chain', nodes };
}
