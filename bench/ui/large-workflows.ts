import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../src/shared/workflow/definition';

const AGENT = { width: 200, height: 64 };
const GAP = 20;
const HEADER = 48;

/**
 * The editor benchmark's workflow: 10 side containers of 4 group containers of agents (2,000
 * nodes with the root), laid out on grids, each group a chain, and cross edges from earlier
 * agents to later ones in other groups up to `edges` dependencies; agent order is container
 * order, so no edge closes a cycle through containers.
 */
export function editorWorkflow(nodes = 2000, edges = 3000): WorkflowDefinition {
  const sides = 10;
  const groupsPerSide = 4;
  const agentsTotal = nodes - 1 - sides - sides * groupsPerSide;
  const perGroup = Math.ceil(agentsTotal / (sides * groupsPerSide));
  const columns = 8;
  const groupSize = { width: columns * (AGENT.width + GAP) + GAP, height: HEADER + Math.ceil(perGroup / columns) * (AGENT.height + GAP) + GAP };
  const sideSize = { width: 2 * (groupSize.width + GAP) + GAP, height: HEADER + 2 * (groupSize.height + GAP) + GAP };
  const list: WorkflowNodeDefinition[] = [{ nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, containerName: 'Exercise', layout: { x: 0, y: 0, width: 2 * (sideSize.width + GAP) + GAP, height: HEADER + 5 * (sideSize.height + GAP) + GAP } }];
  const agents: string[] = [];
  let made = 0;
  for (let side = 0; side < sides; side++) {
    const sideId = `side-${side}`;
    list.push({ nodeId: sideId, nodeType: 'container', parentId: 'root', containerName: `Side ${side}`, layout: { x: GAP + (side % 2) * (sideSize.width + GAP), y: HEADER + Math.floor(side / 2) * (sideSize.height + GAP), ...sideSize } });
    for (let group = 0; group < groupsPerSide; group++) {
      const groupId = `${sideId}-g${group}`;
      list.push({ nodeId: groupId, nodeType: 'container', parentId: sideId, containerName: `Group ${side}.${group}`, layout: { x: GAP + (group % 2) * (groupSize.width + GAP), y: HEADER + Math.floor(group / 2) * (groupSize.height + GAP), ...groupSize } });
      let previous: string | null = null;
      for (let index = 0; index < perGroup && made < agentsTotal; index++, made++) {
        const nodeId = `${groupId}-a${index}`;
        list.push({
          nodeId,
          nodeType: 'agent',
          parentId: groupId,
          name: `Agent ${side}.${group}.${index}`,
          agentLoad: 'sim',
          agentConfig: { durationMs: 0 },
          dependencies: previous ? [{ sourceNodeId: previous, type: 'success' }] : [],
          layout: { x: GAP + (index % columns) * (AGENT.width + GAP), y: HEADER + Math.floor(index / columns) * (AGENT.height + GAP), ...AGENT },
        });
        agents.push(nodeId);
        previous = nodeId;
      }
    }
  }
  const byId = new Map(list.map((node) => [node.nodeId, node]));
  let count = agents.length - sides * groupsPerSide;
  // A deterministic spread of forward edges between groups: agent i waits for one about a group earlier.
  for (let step = 0; count < edges; step++) {
    const target = agents[perGroup + ((step * 7919) % (agents.length - perGroup))]!;
    const source = agents[(agents.indexOf(target) - perGroup - (step % perGroup) + agents.length) % agents.length]!;
    if (agents.indexOf(source) >= agents.indexOf(target)) continue;
    const node = byId.get(target)!;
    if (node.dependencies!.some((dependency) => dependency.sourceNodeId === source)) continue;
    node.dependencies!.push({ sourceNodeId: source, type: 'finish' });
    count++;
  }
  return { name: `Editor benchmark, ${list.length} nodes`, version: '1', nodes: list };
}

/** The monitor benchmark's workflow: `containers` containers of agents with no dependencies, `nodes` in all with the root. */
export function monitorWorkflow(nodes: number, containers: number, agentConfig: Record<string, number | string>): WorkflowDefinition {
  const list: WorkflowNodeDefinition[] = [{ nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, containerName: 'Wave exercise' }];
  const agents = nodes - 1 - containers;
  for (let container = 0; container < containers; container++) {
    const containerId = `wave-${container}`;
    list.push({ nodeId: containerId, nodeType: 'container', parentId: 'root', containerName: `Wave ${container}` });
    const share = Math.floor(agents / containers) + (container < agents % containers ? 1 : 0);
    for (let index = 0; index < share; index++) list.push({ nodeId: `${containerId}-a${index}`, nodeType: 'agent', parentId: containerId, name: `Unit ${container}.${index}`, agentLoad: 'sim', agentConfig });
  }
  return { name: `Monitor benchmark, ${list.length} nodes`, version: '1', nodes: list };
}
