import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../../../../../src/main/core/workflow/bpmn/export';
import { importBpmn } from '../../../../../src/main/core/workflow/bpmn/import';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../../src/shared/workflow/definition';
import { validateWorkflow } from '../../../../../src/shared/workflow/validate';
import { readCorpus } from './bpmn-test-kit';
import { workflowArb } from './workflow-arbitrary';

/**
 * What a round trip keeps, node by node: everything, with dependencies compared as a set (a
 * flow's place in the file may reorder them) and layouts only where the original had one (an
 * export lays out the nodes without one, and the import keeps those positions).
 */
/** Code-unit order: localeCompare calls some different ids equal (U+1D15F and U+1D160), whose order would then follow the input's. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function comparable(definition: WorkflowDefinition, keepLayoutOf: ReadonlySet<string>): Record<string, unknown> {
  const nodes = [...definition.nodes]
    .map((found): WorkflowNodeDefinition => {
      const copy = { ...found };
      if (!keepLayoutOf.has(found.nodeId)) delete copy.layout;
      if (copy.dependencies) copy.dependencies = [...copy.dependencies].sort((a, b) => byCodeUnits(JSON.stringify(a), JSON.stringify(b)));
      return copy;
    })
    .sort((a, b) => byCodeUnits(a.nodeId, b.nodeId));
  // Compared as JSON, the model the definition lives in: JSON has no -0, so -0 and 0 are one value.
  return JSON.parse(JSON.stringify({ ...definition, nodes })) as Record<string, unknown>;
}

async function roundTrip(definition: WorkflowDefinition): Promise<WorkflowDefinition> {
  const result = await importBpmn(await exportBpmn(definition));
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  expect(result.definition).toBeDefined();
  return result.definition as WorkflowDefinition;
}

function placed(definition: WorkflowDefinition): Set<string> {
  return new Set(definition.nodes.filter((found) => found.layout).map((found) => found.nodeId));
}

describe('BPMN round trip: JSON → BPMN → JSON', () => {
  it('keeps every field of a hand-made workflow', async () => {
    const definition: WorkflowDefinition = {
      name: 'Round trip',
      description: 'all the fields',
      version: 3,
      variables: { amount: 1200, side: 'red' },
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['a', 'box', 'c d'], containerName: 'Root box', layout: { x: 0, y: 0, width: 900, height: 400 } },
        {
          nodeId: 'a',
          nodeType: 'agent',
          kind: 'manual',
          parentId: 'root',
          name: 'A',
          agentLoad: 'manual',
          priority: 5,
          retry: { maxRetries: 2, backoff: { initialMs: 10, factor: 2, maxMs: 100 } },
          layout: { x: 40, y: 40 },
          agentMetaId: '9007199254740993',
          agentUrl: 'https://agents.example/manual.tgz?v=1&x=<2>',
          envConfig: { GPU: '1', 区域: '华东' },
          bizValue: { side: 'red', weight: 0.5 },
        },
        {
          nodeId: 'box',
          nodeType: 'container',
          kind: 'parallel',
          parentId: 'root',
          children: ['b'],
          name: 'Box',
          containerConfig: { bpmnType: 'transaction', zone: 'north' },
          containerType: 'docker',
          bizValue: { budget: 3 },
          dependencies: [{ sourceNodeId: 'a', type: 'success' }],
        },
        { nodeId: 'b', nodeType: 'agent', kind: 'script', parentId: 'box', agentLoad: 'script', agentConfig: { script: 'x = 1', interpreter: 'python3' }, timeoutMs: 60_000, pin: { delayMs: 1000 } },
        {
          nodeId: 'c d',
          nodeType: 'agent',
          parentId: 'root',
          agentLoad: 'wargame',
          join: 'one',
          activation: { '==': [{ var: 'variables.side' }, 'red'] },
          dependencies: [
            { sourceNodeId: 'b', type: 'failure', condition: { '>': [{ var: 'variables.amount' }, 1000] } },
            { sourceNodeId: 'a', type: 'any' },
            { sourceNodeId: 'box', type: 'finish', condition: { in: ['x', { var: 'result.tags' }] } },
          ],
        },
      ],
    };
    expect(validateWorkflow(definition).ok).toBe(true);
    const back = await roundTrip(definition);
    expect(comparable(back, placed(definition))).toEqual(comparable(definition, placed(definition)));
  });

  it('keeps the onError rules of agents and the workflow’s default rules', async () => {
    const definition: WorkflowDefinition = {
      name: 'Recovery rules',
      onError: [{ code: '*', action: 'escalate' }],
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['call', 'cleanup'] },
        {
          nodeId: 'call',
          nodeType: 'agent',
          parentId: 'root',
          agentLoad: 'http',
          agentConfig: { url: 'https://example.test' },
          onError: [
            { code: 'HTTP_*', action: 'retry', maxRetries: 3, backoff: { initialMs: 500, factor: 2, maxMs: 4000 } },
            { code: 'TIMEOUT', action: 'handler', handlerNodeId: 'cleanup' },
            { code: 'REJECTED', action: 'skip' },
          ],
        },
        { nodeId: 'cleanup', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
      ],
    };
    expect(validateWorkflow(definition).ok).toBe(true);
    const back = await roundTrip(definition);
    expect(back.onError).toEqual(definition.onError);
    expect(back.nodes.find((node) => node.nodeId === 'call')!.onError).toEqual(definition.nodes[1]!.onError);
    expect(comparable(back, placed(definition))).toEqual(comparable(definition, placed(definition)));
  });

  it.each([
    ['line breaks', 'one\r\ntwo\rthree\n\rfour'],
    ['control characters', 'bell\u0007 and nul\u0000'],
    ['non-characters and a lone surrogate', 'odd\uFFFE\uFFFF\uD800'],
    ['markup', '<b>&amp; "quoted" \'single\' ]]>'],
    ['blank', '   '],
    ['CJK and emoji', '演习 🛰️'],
  ])('keeps names and scripts with %s exactly', async (_what, text) => {
    const definition: WorkflowDefinition = {
      name: text.trim() === '' ? `named ${text}` : text,
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['a'], name: text },
        { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'script', name: text, agentConfig: { script: text, interpreter: text } },
      ],
    };
    const back = await roundTrip(definition);
    expect(comparable(back, new Set())).toEqual(comparable(definition, new Set()));
  });

  it('keeps nodes, hierarchy, dependency types, conditions and settings of random workflows', async () => {
    await fc.assert(
      fc.asyncProperty(workflowArb, async (definition) => {
        const validation = validateWorkflow(definition);
        expect(validation.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        const back = await roundTrip(definition);
        expect(comparable(back, placed(definition))).toEqual(comparable(definition, placed(definition)));
      }),
      { numRuns: 25 },
    );
    // Each run lays the workflow out with ELK; on a loaded 2-core machine that can take seconds.
  }, 120_000);
});

describe('BPMN round trip: BPMN → JSON → BPMN → JSON', () => {
  it.each(['miwg-C.1.0.bpmn', 'bpmnio-pizza-collaboration.bpmn', 'camunda-loan-granting.bpmn', 'bpmnio-nested-subprocesses.bpmn', 'miwg-C.6.0.bpmn'])(
    '%s comes back as the same workflow',
    async (file) => {
      const first = await importBpmn(readCorpus(file));
      const definition = first.definition as WorkflowDefinition;
      const back = await roundTrip(definition);
      expect(comparable(back, placed(definition))).toEqual(comparable(definition, placed(definition)));
    },
  );
});
