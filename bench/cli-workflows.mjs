// Workflow files for the CLI benchmarks, written as the Deduction JSON definition.

const root = { nodeId: 'root', nodeType: 'container', isRoot: true };
const agent = (nodeId, sources = []) => ({
  nodeId,
  nodeType: 'agent',
  agentLoad: 'sim',
  parentId: 'root',
  ...(sources.length > 0 ? { dependencies: sources.map((sourceNodeId) => ({ sourceNodeId, type: 'success' })) } : {}),
});

/** n nodes (root included), none depending on another. */
export function flat(n) {
  const nodes = [root];
  for (let i = 0; i < n - 1; i++) nodes.push(agent(`n${i}`));
  return { name: `flat ${n}`, nodes };
}

/** a → b → c → …: n nodes, root included. */
export function chain(n) {
  const nodes = [root];
  for (let i = 0; i < n - 1; i++) nodes.push(agent(`n${i}`, i === 0 ? [] : [`n${i - 1}`]));
  return { name: `chain ${n}`, nodes };
}

export const SHAPES = { flat, chain };
