import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { importBpmn, type BpmnImportResult } from '../../../../../src/main/core/workflow/bpmn/import';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../../src/shared/workflow/definition';
import type { Problem } from '../../../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../../../src/shared/workflow/validate';
import { FIXTURES_DIR } from '../../../../helpers/paths';

export const CORPUS_DIR = join(FIXTURES_DIR, 'bpmn-corpus');
export const HAND_MADE_DIR = join(FIXTURES_DIR, 'bpmn');

export function readHandMade(name: string): string {
  return readFileSync(join(HAND_MADE_DIR, name), 'utf8');
}

export function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}

/** Imports and insists on a definition that the workflow validator accepts. */
export async function importValid(xml: string): Promise<{ definition: WorkflowDefinition; problems: Problem[] }> {
  const result: BpmnImportResult = await importBpmn(xml);
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  expect(result.definition).toBeDefined();
  const definition = result.definition as WorkflowDefinition;
  const validation = validateWorkflow(definition);
  expect(validation.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  expect(validation.ok).toBe(true);
  return { definition, problems: result.problems };
}

export function node(definition: WorkflowDefinition, nodeId: string): WorkflowNodeDefinition {
  const found = definition.nodes.find((candidate) => candidate.nodeId === nodeId);
  if (!found) throw new Error(`no node ${nodeId} in ${definition.nodes.map((candidate) => candidate.nodeId).join(', ')}`);
  return found;
}

/** A node's dependencies as [source, type] pairs, conditions left out. */
export function edges(definition: WorkflowDefinition, nodeId: string): [string, string][] {
  return (node(definition, nodeId).dependencies ?? []).map((dependency) => [dependency.sourceNodeId, dependency.type]);
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((problem) => problem.code);
}

/** The problems whose message names an element id (as the import's messages do: "(id)"). */
export function about(problems: readonly Problem[], elementId: string): Problem[] {
  return problems.filter((problem) => problem.path.includes(elementId) || problem.message.includes(`(${elementId})`) || problem.nodeId === elementId);
}

export function counts(definition: WorkflowDefinition): { agents: number; containers: number; dependencies: number } {
  return {
    agents: definition.nodes.filter((candidate) => candidate.nodeType === 'agent').length,
    containers: definition.nodes.filter((candidate) => candidate.nodeType === 'container').length,
    dependencies: definition.nodes.reduce((total, candidate) => total + (candidate.dependencies?.length ?? 0), 0),
  };
}
