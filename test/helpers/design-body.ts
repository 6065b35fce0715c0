/**
 * The Deduction design's create-task body (section 4.1), every field as the design writes it.
 * The design elides agentConfig (`{...}`); a short run is given instead.
 */
export function designCreateBody(): Record<string, unknown> {
  return {
    name: 'task_20251113_001',
    description: '工作流任务',
    scheme_id: 1234567890,
    env_instance_id: 9876543210,
    workflow: {
      nodes: [
        { nodeId: 'root_container_001', nodeType: 'container', isRoot: true, containerName: '主控容器', children: ['agent_001', 'agent_002'] },
        { nodeId: 'agent_001', nodeType: 'agent', parentId: 'root_container_001', agentLoad: 'agent_red_team', agentConfig: { durationMs: 200 }, dependencies: [] },
        {
          nodeId: 'agent_002',
          nodeType: 'agent',
          parentId: 'root_container_001',
          agentLoad: 'agent_blue_team',
          agentConfig: { durationMs: 200 },
          dependencies: [{ sourceNodeId: 'agent_001', type: 'success' }],
        },
      ],
    },
  };
}

/**
 * The design's body with the agents the shipped catalog offers under those roles, so that it
 * runs to completion; named apart, since task names are unique.
 */
export function runnableDesignBody(name = 'task_20251113_002'): Record<string, unknown> {
  const body: Record<string, unknown> = { ...designCreateBody(), name };
  const nodes = (body.workflow as { nodes: Record<string, unknown>[] }).nodes;
  nodes[1]!.agentLoad = 'red-team';
  nodes[2]!.agentLoad = 'blue-team';
  return body;
}
