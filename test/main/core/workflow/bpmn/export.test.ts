import type { ModdleElement } from 'moddle';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../../../../../src/main/core/workflow/bpmn/export';
import { createModdle } from '../../../../../src/main/core/workflow/bpmn/moddle';
import type { WorkflowDefinition } from '../../../../../src/shared/workflow/definition';
import { validateWorkflow } from '../../../../../src/shared/workflow/validate';

const DEDUCTION_NS = 'http://deduction-console/schema/bpmn';

function sample(): WorkflowDefinition {
  return {
    name: 'Exercise',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['plan', 'Phase 1', 'report'], name: 'Exercise root' },
      { nodeId: 'plan', nodeType: 'agent', parentId: 'root', agentLoad: 'manual', name: 'Plan' },
      { nodeId: 'Phase 1', nodeType: 'container', parentId: 'root', children: ['move', '模拟'], containerName: 'Phase one', dependencies: [{ sourceNodeId: 'plan', type: 'success' }] },
      { nodeId: 'move', nodeType: 'agent', parentId: 'Phase 1', agentLoad: 'script', agentConfig: { script: 'move()', interpreter: 'python3' } },
      { nodeId: '模拟', nodeType: 'agent', parentId: 'Phase 1', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'move', type: 'success', condition: { '>': [{ var: 'result.distance' }, 10] } }] },
      {
        nodeId: 'report',
        nodeType: 'agent',
        parentId: 'root',
        agentLoad: 'wargame-engine',
        join: 'one',
        dependencies: [
          { sourceNodeId: '模拟', type: 'finish' },
          { sourceNodeId: 'plan', type: 'failure', condition: { in: ['abort', { var: 'result.flags' }] } },
        ],
      },
    ],
  };
}

async function parse(xml: string): Promise<{ definitions: ModdleElement; byId: Record<string, ModdleElement>; warnings: unknown[] }> {
  const result = await createModdle().fromXML(xml);
  return { definitions: result.rootElement, byId: result.elementsById, warnings: result.warnings };
}

function planeElements(definitions: ModdleElement): ModdleElement[] {
  const [diagram] = definitions.diagrams as ModdleElement[];
  return ((diagram?.plane as ModdleElement).planeElement ?? []) as ModdleElement[];
}

function shapeOf(definitions: ModdleElement, elementId: string): { x: number; y: number; width: number; height: number } {
  const shape = planeElements(definitions).find((candidate) => (candidate.bpmnElement as ModdleElement | undefined)?.id === elementId);
  if (!shape) throw new Error(`no shape for ${elementId}`);
  return shape.bounds as { x: number; y: number; width: number; height: number };
}

describe('BPMN export', () => {
  it('writes BPMN 2.0 that bpmn-moddle reads back without a warning', async () => {
    expect(validateWorkflow(sample()).ok).toBe(true);
    const xml = await exportBpmn(sample());
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain(`xmlns:deduction="${DEDUCTION_NS}"`);
    const { warnings } = await parse(xml);
    expect(warnings).toEqual([]);
  });

  it('makes the root the process of one pool, containers subprocesses and agents tasks by agent load', async () => {
    const { definitions, byId } = await parse(await exportBpmn(sample()));
    const roots = definitions.rootElements as ModdleElement[];
    expect(roots.map((element) => element.$type)).toEqual(['bpmn:Collaboration', 'bpmn:Process']);
    const [participant] = (roots[0]?.participants ?? []) as ModdleElement[];
    expect(participant?.processRef).toBe(byId['root']);
    expect(byId['root']).toMatchObject({ $type: 'bpmn:Process', name: 'Exercise root' });
    expect(definitions.name).toBe('Exercise');
    expect(byId['plan']?.$type).toBe('bpmn:UserTask');
    expect(byId['move']).toMatchObject({ $type: 'bpmn:ScriptTask', script: 'move()', scriptFormat: 'python' });
    expect(byId['Node']).toMatchObject({ $type: 'bpmn:Task' });
    expect(byId['Node']?.get('deduction:nodeId')).toBe('模拟');
    expect(byId['report']?.$type).toBe('bpmn:ServiceTask');
    expect(byId['report']?.get('deduction:agentLoad')).toBe('wargame-engine');
    expect(byId['report']?.get('deduction:join')).toBe('one');
  });

  it('gives a node id that is not an XML name a BPMN id and keeps the original beside it', async () => {
    const { byId } = await parse(await exportBpmn(sample()));
    expect(byId['Phase 1']).toBeUndefined();
    const phase = byId['Phase_1'];
    expect(phase).toMatchObject({ $type: 'bpmn:SubProcess', name: 'Phase one' });
    expect(phase?.get('deduction:nodeId')).toBe('Phase 1');
  });

  it('writes each dependency as a sequence flow with its type, and its condition both readable and exact', async () => {
    const { byId } = await parse(await exportBpmn(sample()));
    const flows = Object.values(byId).filter((element) => element.$type === 'bpmn:SequenceFlow');
    expect(flows).toHaveLength(4);
    const intoSim = flows.find((flow) => (flow.targetRef as ModdleElement).id === 'Node') as ModdleElement;
    expect(intoSim.get('deduction:dependencyType')).toBe('success');
    expect((intoSim.conditionExpression as ModdleElement).body).toBe('${result.distance > 10}');
    const fields = ((intoSim.extensionElements as ModdleElement).values as ModdleElement[]).map((field) => [field.name, JSON.parse(field.value as string)]);
    expect(fields).toEqual([['condition', { '>': [{ var: 'result.distance' }, 10] }]]);
    const failure = flows.find((flow) => flow.get('deduction:dependencyType') === 'failure') as ModdleElement;
    expect((failure.conditionExpression as ModdleElement).language).toBe('https://jsonlogic.com');
    // A flow between nodes of different containers lives in the scope that holds both.
    const crossing = flows.find((flow) => (flow.sourceRef as ModdleElement).id === 'Node' && (flow.targetRef as ModdleElement).id === 'report') as ModdleElement;
    expect(crossing.$parent).toBe(byId['root']);
  });

  it('draws every node and flow, children inside their container, when no node has a layout', async () => {
    const { definitions, byId } = await parse(await exportBpmn(sample()));
    const edges = planeElements(definitions).filter((element) => element.$type === 'bpmndi:BPMNEdge');
    expect(edges).toHaveLength(4);
    for (const edge of edges) expect((edge.waypoint as unknown[]).length).toBeGreaterThanOrEqual(2);
    const pool = shapeOf(definitions, (((definitions.rootElements as ModdleElement[])[0]?.participants as ModdleElement[])[0] as ModdleElement).id as string);
    const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner): boolean =>
      inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
    const phase = shapeOf(definitions, 'Phase_1');
    for (const id of ['plan', 'Phase_1', 'report']) expect(inside(shapeOf(definitions, id), pool), id).toBe(true);
    for (const id of ['move', 'Node']) expect(inside(shapeOf(definitions, id), phase), id).toBe(true);
    const phaseShape = planeElements(definitions).find((element) => element.bpmnElement === byId['Phase_1']);
    expect(phaseShape?.isExpanded).toBe(true);
  });

  it('turns layouts relative to the parent container into absolute diagram bounds', async () => {
    const definition = sample();
    const placed = definition.nodes.map((found) => ({
      ...found,
      layout: found.isRoot ? { x: 100, y: 50, width: 900, height: 500 } : found.nodeId === 'Phase 1' ? { x: 300, y: 100, width: 400, height: 250 } : { x: 20, y: 30, width: 120, height: 60 },
    }));
    const { definitions } = await parse(await exportBpmn({ ...definition, nodes: placed }));
    expect(shapeOf(definitions, 'Phase_1')).toMatchObject({ x: 400, y: 150, width: 400, height: 250 });
    expect(shapeOf(definitions, 'move')).toMatchObject({ x: 420, y: 180, width: 120, height: 60 });
    expect(shapeOf(definitions, 'plan')).toMatchObject({ x: 120, y: 80 });
  });

  it('refuses a definition without a root container', async () => {
    await expect(exportBpmn({ name: 'x', nodes: [{ nodeId: 'a', nodeType: 'agent', agentLoad: 'sim' }] })).rejects.toThrow(/no root container/);
  });
});
