import type { z } from 'zod';
import { append } from './append';
import {
  backoffSchema,
  dependencySchema,
  layoutSchema,
  onErrorRuleSchema,
  retrySchema,
  workflowDefinitionSchema,
  workflowNodeSchema,
  type WorkflowNodeDefinition,
} from './definition';
import type { ScanProblem } from './json-scan';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { literal, zodIssueToProblem } from './zod-problems';

/**
 * The schema pass of validation: the workflow's own fields, then each node on its own, so
 * that one bad node neither hides the others' problems nor keeps the graph checks from
 * running on the rest.
 */

const headerSchema = workflowDefinitionSchema.omit({ nodes: true });
/** The fields that shape the tree and the dependency graph. */
const structuralNodeSchema = workflowNodeSchema.pick({
  nodeId: true,
  nodeType: true,
  isRoot: true,
  parentId: true,
  children: true,
  dependencies: true,
});

export type WorkflowHeader = z.infer<typeof headerSchema>;

export interface ParsedNode {
  /** Position in the input's `nodes`, for problem paths. */
  index: number;
  node: WorkflowNodeDefinition;
  /** False when only the structural fields parsed; the node's other problems are reported. */
  complete: boolean;
}

export interface ParsedInput {
  header?: WorkflowHeader;
  nodes: ParsedNode[];
  /** Ids of nodes too broken to check; references to them are not reported again as unknown. */
  brokenIds: Set<string>;
  /** Some node could not be read at all, so whole-tree findings (no root, orphans) may mislead. */
  incomplete: boolean;
  problems: Problem[];
}

const KNOWN_KEYS = {
  workflow: keysOf(workflowDefinitionSchema.shape),
  node: keysOf(workflowNodeSchema.shape),
  dependency: keysOf(dependencySchema.shape),
  retry: keysOf(retrySchema.shape),
  backoff: keysOf(backoffSchema.shape),
  layout: keysOf(layoutSchema.shape),
  pin: new Set(['at', 'delayMs']),
  onError: keysOf(onErrorRuleSchema.shape),
};

export function parseInput(input: Record<string, unknown>, scanProblems: readonly ScanProblem[]): ParsedInput {
  const problems: Problem[] = [];
  const flagged = new Set(scanProblems.map((problem) => pathKey(problem.path)));
  const aboveFlagged = new Set(scanProblems.flatMap((problem) => problem.path.map((_, length) => pathKey(problem.path.slice(0, length)))));
  const fatalTop = new Set<string>();
  const fatalNodes = new Set<number>();
  for (const problem of scanProblems) {
    if (!problem.fatal) continue;
    const [top, index] = problem.path;
    if (top === 'nodes' && typeof index === 'number') fatalNodes.add(index);
    else if (top !== undefined) fatalTop.add(String(top));
  }
  const report = (issues: readonly z.core.$ZodIssue[], prefix: (string | number)[], nodeId?: string) => {
    for (const issue of issues) {
      const found = zodIssueToProblem(issue, prefix, nodeId);
      // A union (a JSON value) fails as a whole above the bad value the scan already named.
      const wraps = issue.code === 'invalid_union' && aboveFlagged.has(pathKey(found.path));
      if (!wraps && !isFlagged(found.path, flagged)) problems.push(found);
    }
  };

  append(problems, unknownKeys(input, KNOWN_KEYS.workflow, [], 'workflow'));
  append(problems, ruleUnknownKeys(input.onError, ['onError']));
  let header: WorkflowHeader | undefined;
  const headerKeys = [...KNOWN_KEYS.workflow].filter((key) => key !== 'nodes');
  if (!headerKeys.some((key) => fatalTop.has(key))) {
    const headerInput = Object.fromEntries(headerKeys.filter((key) => key in input).map((key) => [key, input[key]]));
    const parsed = headerSchema.safeParse(headerInput, { reportInput: true });
    if (parsed.success) header = parsed.data;
    else report(parsed.error.issues, []);
  }

  const nodes: ParsedNode[] = [];
  const brokenIds = new Set<string>();
  let incomplete = false;
  if (fatalTop.has('nodes')) return { header, nodes, brokenIds, incomplete: true, problems };
  const rawNodes = input.nodes;
  if (!Array.isArray(rawNodes)) {
    problems.push(
      rawNodes === undefined
        ? problem('error', WORKFLOW_PROBLEM.schema, ['nodes'], { context: 'nodesRequired' })
        : problem('error', WORKFLOW_PROBLEM.schema, ['nodes'], { context: 'nodesNotArray', received: literal(rawNodes) }),
    );
    return { header, nodes, brokenIds, incomplete: true, problems };
  }
  if (rawNodes.length === 0) {
    problems.push(problem('error', WORKFLOW_PROBLEM.schema, ['nodes'], { context: 'noNodes' }));
  }

  for (let index = 0; index < rawNodes.length; index++) {
    // Read through descriptors: a node the scan found unreadable may hold getters.
    const raw = dataValue(rawNodes, index);
    const rawNodeId = dataValue(raw, 'nodeId');
    const rawId = typeof rawNodeId === 'string' ? rawNodeId : undefined;
    if (fatalNodes.has(index)) {
      if (rawId !== undefined) brokenIds.add(rawId);
      incomplete = true;
      continue;
    }
    const path = ['nodes', index];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(problem('error', WORKFLOW_PROBLEM.schema, path, { context: 'nodeNotObject', received: literal(raw) }));
      incomplete = true;
      continue;
    }
    const record = raw as Record<string, unknown>;
    append(problems, nodeUnknownKeys(record, path, rawId));
    const full = workflowNodeSchema.safeParse(record);
    if (full.success) {
      nodes.push({ index, node: full.data, complete: true });
      continue;
    }
    // Parsed again for messages that can describe the bad value; only failures pay for it.
    report(workflowNodeSchema.safeParse(record, { reportInput: true }).error!.issues, path, rawId);
    const structural = structuralNodeSchema.safeParse(record);
    if (structural.success) {
      nodes.push({ index, node: structural.data, complete: false });
    } else {
      if (rawId !== undefined) brokenIds.add(rawId);
      incomplete = true;
    }
  }
  return { header, nodes, brokenIds, incomplete, problems };
}

/** An own data property's value, without running a getter; undefined for anything else. */
function dataValue(holder: unknown, key: string | number): unknown {
  if (typeof holder !== 'object' || holder === null) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(holder, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

function nodeUnknownKeys(node: Record<string, unknown>, path: (string | number)[], nodeId: string | undefined): Problem[] {
  const problems = unknownKeys(node, KNOWN_KEYS.node, path, 'node', nodeId);
  if (Array.isArray(node.dependencies)) {
    node.dependencies.forEach((dependency: unknown, index) =>
      append(problems, unknownKeys(dependency, KNOWN_KEYS.dependency, [...path, 'dependencies', index], 'dependency', nodeId)),
    );
  }
  append(problems, unknownKeys(node.retry, KNOWN_KEYS.retry, [...path, 'retry'], 'retry', nodeId));
  if (isRecord(node.retry)) append(problems, unknownKeys(node.retry.backoff, KNOWN_KEYS.backoff, [...path, 'retry', 'backoff'], 'backoff', nodeId));
  append(problems, unknownKeys(node.layout, KNOWN_KEYS.layout, [...path, 'layout'], 'layout', nodeId));
  append(problems, unknownKeys(node.pin, KNOWN_KEYS.pin, [...path, 'pin'], 'pin', nodeId));
  append(problems, ruleUnknownKeys(node.onError, [...path, 'onError'], nodeId));
  return problems;
}

function ruleUnknownKeys(rules: unknown, path: (string | number)[], nodeId?: string): Problem[] {
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule: unknown, index) => {
    const found = unknownKeys(rule, KNOWN_KEYS.onError, [...path, index], 'onError', nodeId);
    if (isRecord(rule)) append(found, unknownKeys(rule.backoff, KNOWN_KEYS.backoff, [...path, index, 'backoff'], 'backoff', nodeId));
    return found;
  });
}

type Owner = keyof typeof KNOWN_KEYS;

/**
 * zod drops keys it does not know; a typo ("dependancies") deserves a word, not silence.
 * `owner` is what holds the key, and the context of the problem's wording.
 */
function unknownKeys(value: unknown, known: ReadonlySet<string>, path: (string | number)[], owner: Owner, nodeId?: string): Problem[] {
  if (!isRecord(value)) return [];
  return Object.keys(value)
    .filter((key) => !known.has(key) && key !== '__proto__')
    .map((key) => problem('warning', WORKFLOW_PROBLEM.unknownProperty, [...path, key], { context: owner, property: JSON.stringify(key) }, nodeId));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keysOf(shape: object): ReadonlySet<string> {
  return new Set(Object.keys(shape));
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** True when the path or one of its ancestors already has a problem from the data scan. */
function isFlagged(path: readonly (string | number)[], flagged: ReadonlySet<string>): boolean {
  if (flagged.size === 0) return false;
  for (let length = path.length; length >= 0; length--) {
    if (flagged.has(pathKey(path.slice(0, length)))) return true;
  }
  return false;
}
