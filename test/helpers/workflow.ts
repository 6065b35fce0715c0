import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinitionInput } from '../../src/shared/workflow/definition';
import type { Problem } from '../../src/shared/workflow/problems';
import type { ValidationResult } from '../../src/shared/workflow/validate';
import { REPO_ROOT } from './paths';

type NodeInput = WorkflowDefinitionInput['nodes'][number];
/** Anything goes: tests hand the validator wrong values on purpose. */
type Extra = Record<string, unknown>;

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const EXAMPLE_FILES = ['red-vs-blue.json', 'it-ops-maintenance.json'] as const;
/** Shipped examples in the IT-ops design's template format (docs/itops-format.md). */
export const ITOPS_EXAMPLE_FILES = ['itops-patch-rollout.json'] as const;

export function exampleText(file: (typeof EXAMPLE_FILES)[number]): string {
  return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}

export function container(nodeId: string, extra: Extra = {}): NodeInput {
  return { nodeId, nodeType: 'container', ...extra } as NodeInput;
}

export function agent(nodeId: string, parentId: string | undefined, extra: Extra = {}): NodeInput {
  return { nodeId, nodeType: 'agent', ...(parentId !== undefined && { parentId }), agentLoad: 'sim', ...extra } as NodeInput;
}

export function workflow(nodes: NodeInput[], extra: Record<string, unknown> = {}): WorkflowDefinitionInput {
  return { name: 'test workflow', nodes, ...extra } as WorkflowDefinitionInput;
}

/** A root container `root` holding the given agents (parentId root unless they say otherwise). */
export function flat(...agents: [string, Extra?][]): WorkflowDefinitionInput {
  return workflow([container('root'), ...agents.map(([id, extra]) => agent(id, 'root', extra))]);
}

export function errors(result: ValidationResult): Problem[] {
  return result.problems.filter((problem) => problem.severity === 'error');
}

export function warnings(result: ValidationResult): Problem[] {
  return result.problems.filter((problem) => problem.severity === 'warning');
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((problem) => problem.code);
}

/** A chain of `depth` containers under one another, the last holding one agent. */
export function deepChain(depth: number): WorkflowDefinitionInput {
  const nodes: NodeInput[] = [container('c0', { isRoot: true })];
  for (let level = 1; level < depth; level++) nodes.push(container(`c${level}`, { parentId: `c${level - 1}` }));
  nodes.push(agent('leaf', `c${depth - 1}`));
  return workflow(nodes);
}

/** Containers A and B, where A waits for B and B's agent waits for A's: a deadlock that closes only through the containers. */
export function containerDeadlock(): WorkflowDefinitionInput {
  return workflow([
    container('root'),
    container('A', { parentId: 'root', dependencies: [{ sourceNodeId: 'B' }] }),
    container('B', { parentId: 'root' }),
    agent('a1', 'A'),
    agent('b1', 'B', { dependencies: [{ sourceNodeId: 'a1' }] }),
  ]);
}

/** `count` agents under one root, each depending on the previous one. */
export function wideWorkflow(count: number): WorkflowDefinitionInput {
  const nodes: NodeInput[] = [container('root')];
  for (let index = 0; index < count; index++) {
    nodes.push(agent(`n${index}`, 'root', index === 0 ? {} : { dependencies: [{ sourceNodeId: `n${index - 1}`, type: 'success' }] }));
  }
  return workflow(nodes);
}

/** A small BPMN 2.0 process: start, then two tasks in sequence. */
export const MINIMAL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://example.com">
  <bpmn:process id="review" name="Review">
    <bpmn:startEvent id="start"/>
    <bpmn:task id="draft" name="Draft"/>
    <bpmn:task id="approve" name="Approve"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="draft"/>
    <bpmn:sequenceFlow id="f2" sourceRef="draft" targetRef="approve"/>
  </bpmn:process>
</bpmn:definitions>`;
