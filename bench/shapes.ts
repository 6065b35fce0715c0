import type { WorkflowDefinitionInput } from '../src/shared/workflow/definition';
import { WORKFLOW_LIMITS } from '../src/shared/workflow/limits';

/**
 * The DAG shapes of the scheduler benchmark, each of exactly `n` nodes (root container
 * included), all agents of load `sim` that complete.
 */
type Node = WorkflowDefinitionInput['nodes'][number];

const agent = (nodeId: string, parentId: string, sources: string[] = []): Node => ({
  nodeId,
  nodeType: 'agent',
  agentLoad: 'sim',
  parentId,
  dependencies: sources.map((sourceNodeId) => ({ sourceNodeId, type: 'success' })),
});

const root: Node = { nodeId: 'root', nodeType: 'container', isRoot: true };

/** a → b → c → …: every start waits for the previous completion. */
export function chain(n: number): WorkflowDefinitionInput {
  const nodes: Node[] = [root];
  for (let i = 0; i < n - 1; i++) nodes.push(agent(`n${i}`, 'root', i === 0 ? [] : [`n${i - 1}`]));
  return { name: `chain ${n}`, nodes };
}

/** One source, n − 3 nodes in parallel, one sink that waits for all of them (an (n − 3)-wide fan-in). */
export function fan(n: number): WorkflowDefinitionInput {
  const width = n - 3;
  const nodes: Node[] = [root, agent('source', 'root')];
  for (let i = 0; i < width; i++) nodes.push(agent(`m${i}`, 'root', ['source']));
  nodes.push(agent('sink', 'root', Array.from({ length: width }, (_, i) => `m${i}`)));
  return { name: `fan ${n}`, nodes };
}

/** Layers of √n nodes; each node depends on 1–3 random nodes of the layer before (seeded). */
export function layered(n: number, seed = 7): WorkflowDefinitionInput {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const width = Math.max(2, Math.round(Math.sqrt(n)));
  const nodes: Node[] = [root];
  let previous: string[] = [];
  let layer = 0;
  while (nodes.length < n) {
    const current: string[] = [];
    for (let i = 0; i < width && nodes.length < n; i++) {
      const id = `l${layer}n${i}`;
      const picks = previous.length === 0 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => previous[Math.floor(random() * previous.length)]!))];
      nodes.push(agent(id, 'root', picks));
      current.push(id);
    }
    previous = current;
    layer++;
  }
  return { name: `layered ${n}`, nodes };
}

/**
 * Containers nested one in the next, each holding parallel agents (8, or more when that keeps
 * the nesting within the workflow limit) and the next container.
 */
export function nested(n: number): WorkflowDefinitionInput {
  const nodes: Node[] = [root];
  const perLevel = Math.max(8, Math.ceil(n / (WORKFLOW_LIMITS.nestingDepth - 1)));
  let parent = 'root';
  let level = 0;
  while (nodes.length < n) {
    for (let i = 0; i < perLevel && nodes.length < n; i++) nodes.push(agent(`c${level}a${i}`, parent));
    if (nodes.length >= n) break;
    const id = `c${level + 1}`;
    nodes.push({ nodeId: id, nodeType: 'container', parentId: parent });
    parent = id;
    level++;
  }
  return { name: `nested ${n}`, nodes };
}

export const SHAPES = { chain, fan, layered, nested } as const;
export type ShapeName = keyof typeof SHAPES;
