import { engineNode } from './engine-body';
import { describeBytes, utf8Bytes, WORKFLOW_LIMITS } from './limits';
import type { NormalizedWorkflowDefinition } from './normalized';
import { nodeRef } from './problem-text';
import { problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import type { ParsedNode } from './schema-check';
import type { TreeShape } from './structure-check';

/** The validator's checks of WORKFLOW_LIMITS, each naming the limit and the value found. */

/** More nodes than a workflow may hold: checked before anything walks them. */
export function checkNodeCount(nodes: unknown): Problem | undefined {
  if (!Array.isArray(nodes) || nodes.length <= WORKFLOW_LIMITS.nodes) return undefined;
  const count = nodes.length.toLocaleString('en');
  const max = WORKFLOW_LIMITS.nodes.toLocaleString('en');
  return problem('error', WORKFLOW_PROBLEM.tooManyNodes, ['nodes'], { count, max });
}

/**
 * Characters that show nothing or reorder the text around them (format characters such as
 * U+202E and U+200B, line and paragraph separators, unpaired surrogates): in an id they make
 * two different nodes look alike, or one look like another, on screen and in logs.
 */
const HIDDEN_CHARACTER = /[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** "U+202E RIGHT-TO-LEFT OVERRIDE" for the first hidden character of `text`, if it has one. */
export function hiddenCharacter(text: string): string | undefined {
  const found = HIDDEN_CHARACTER.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!;
  const name = CHARACTER_NAMES[code] ?? ((code & 0xf800) === 0xd800 ? 'an unpaired surrogate' : 'an invisible format character');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${name}`;
}

/** The id with every hidden character written as \u{…}, so that the message shows what is there. */
function visible(id: string): string {
  return JSON.stringify(id).replace(new RegExp(HIDDEN_CHARACTER.source, 'gu'), (character) => `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

export function checkIdCharacters(nodes: readonly ParsedNode[]): Problem[] {
  const problems: Problem[] = [];
  for (const { node, index } of nodes) {
    const character = hiddenCharacter(node.nodeId);
    if (character === undefined) continue;
    problems.push(problem('error', WORKFLOW_PROBLEM.hiddenIdCharacter, ['nodes', index, 'nodeId'], { node: visible(node.nodeId), character }, node.nodeId));
  }
  return problems;
}

/** Containers nested deeper than the limit: one problem, at the first node found too deep. */
export function checkNestingDepth(shape: TreeShape): Problem[] {
  const depth = new Map<string, number>();
  for (const id of shape.order) {
    const up = shape.parent.get(id);
    const level = up === null || up === undefined ? 0 : (depth.get(up) ?? 0) + 1;
    depth.set(id, level);
    if (level <= WORKFLOW_LIMITS.nestingDepth) continue;
    const parsed = shape.byId.get(id);
    const path = parsed ? ['nodes', parsed.index, 'parentId'] : ['nodes'];
    return [problem('error', WORKFLOW_PROBLEM.tooDeeplyNested, path, { node: nodeRef(id), depth: level, max: WORKFLOW_LIMITS.nestingDepth }, id)];
  }
  return [];
}

/** A config too large to send whole with every start of its node. */
export function checkConfigSizes(nodes: readonly ParsedNode[]): Problem[] {
  const problems: Problem[] = [];
  for (const { node, index } of nodes) {
    for (const field of ['agentConfig', 'containerConfig'] as const) {
      const config = node[field];
      if (config === undefined) continue;
      const bytes = utf8Bytes(JSON.stringify(config));
      if (bytes <= WORKFLOW_LIMITS.configBytes) continue;
      const params = { node: nodeRef(node.nodeId), field, size: describeBytes(bytes), max: describeBytes(WORKFLOW_LIMITS.configBytes) };
      problems.push(problem('error', WORKFLOW_PROBLEM.configTooLarge, ['nodes', index, field], params, node.nodeId));
    }
  }
  return problems;
}

/**
 * The task tree an Engine would be sent for this workflow must fit the Engine's message
 * limit; a larger one would be refused by the Engine's socket and the submission time out.
 */
export function checkSubmissionSize(definition: NormalizedWorkflowDefinition): Problem | undefined {
  const bytes = submissionBytes(definition);
  if (bytes <= WORKFLOW_LIMITS.submissionBytes) return undefined;
  return problem('error', WORKFLOW_PROBLEM.submissionTooLarge, [], { size: describeBytes(bytes), max: describeBytes(WORKFLOW_LIMITS.submissionBytes) });
}

/**
 * The UTF-8 size of the task submission an Engine would be sent, with the longest task id.
 * Summed node by node: the body's order does not change its size, and 100,000 nodes need
 * neither the tree built nor one string of the whole request.
 */
export function submissionBytes(definition: NormalizedWorkflowDefinition): number {
  const [head, tail] = JSON.stringify({ requestType: 1, taskId: '9223372036854775807', body: [] }).split('[]') as [string, string];
  let bytes = utf8Bytes(head) + 2 + utf8Bytes(tail) + Math.max(0, definition.nodes.length - 1);
  for (const node of definition.nodes) bytes += utf8Bytes(JSON.stringify(engineNode(node)));
  return bytes;
}
