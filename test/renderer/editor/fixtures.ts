import type { WorkflowDefinition } from '../../../src/shared/workflow/definition';

/** root ⊃ { fetch, stage ⊃ { simulate, report } }, simulate waits for fetch, report for simulate. */
export function sampleWorkflow(): WorkflowDefinition {
  return {
    name: 'Sample',
    version: 1,
    variables: { threshold: 0.5 },
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['fetch', 'stage'], containerName: 'Root', layout: { x: 0, y: 0, width: 900, height: 500 } },
      { nodeId: 'fetch', nodeType: 'agent', parentId: 'root', name: 'Fetch', agentLoad: 'http.get', layout: { x: 40, y: 80, width: 200, height: 64 } },
      { nodeId: 'stage', nodeType: 'container', parentId: 'root', children: ['simulate', 'report'], containerName: 'Stage', layout: { x: 300, y: 60, width: 500, height: 300 } },
      {
        nodeId: 'simulate',
        nodeType: 'agent',
        parentId: 'stage',
        name: 'Simulate',
        agentLoad: 'sim.run',
        dependencies: [{ sourceNodeId: 'fetch', type: 'success' }],
        layout: { x: 30, y: 60, width: 200, height: 64 },
      },
      {
        nodeId: 'report',
        nodeType: 'agent',
        parentId: 'stage',
        name: 'Report',
        agentLoad: 'script.report',
        dependencies: [{ sourceNodeId: 'simulate', type: 'finish', condition: { '>': [{ var: 'result.score' }, 0.5] } }],
        layout: { x: 260, y: 60, width: 200, height: 64 },
      },
    ],
  };
}
