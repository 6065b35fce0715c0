import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BPMN_PROBLEM } from '../../../src/main/core/workflow/bpmn/import-problems';
import { importBpmn } from '../../../src/main/core/workflow/bpmn/import';
import { FILE_PROBLEM } from '../../../src/main/core/workflow/file-problems';
import { parseWorkflowJson } from '../../../src/main/core/workflow/json-file';
import { TEMPLATE_PROBLEM } from '../../../src/main/core/workflow/templates';
import { WORKFLOW_PROBLEM } from '../../../src/shared/workflow/problem-codes';
import { ITOPS_PROBLEM } from '../../../src/shared/workflow/itops/problem-codes';
import { PROBLEM_WORDINGS, problemWording, wordingKey, wordingParamNames, type ProblemWordingKey } from '../../../src/shared/workflow/problem-wordings';
import { problem, type Problem } from '../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { workflowNodeSchema } from '../../../src/shared/workflow/definition';
import { zodIssueToProblem } from '../../../src/shared/workflow/zod-problems';
import { HAND_MADE_DIR } from '../../main/core/workflow/bpmn/bpmn-test-kit';
import { agent, container, containerDeadlock, flat, workflow } from '../../helpers/workflow';

/** Every code a problem can have, from the lists that define them. */
const CODES: string[] = [...Object.values(WORKFLOW_PROBLEM), ...Object.values(BPMN_PROBLEM), ...Object.values(FILE_PROBLEM), ...Object.values(TEMPLATE_PROBLEM), ...Object.values(ITOPS_PROBLEM)];
const KEYS = Object.keys(PROBLEM_WORDINGS) as ProblemWordingKey[];

/** The code a wording key belongs to: the key itself, or the key less a lower-case `_context`. */
function codeOf(key: string): string | undefined {
  return CODES.find((code) => key === code || (key.startsWith(`${code}_`) && /^[a-z]\w*$/.test(key.slice(code.length + 1))));
}

/** Problems of many kinds: broken definitions, bad files, and BPMN files that lose some of their meaning. */
async function manyProblems(): Promise<Problem[]> {
  const definitions: unknown[] = [
    'not a workflow',
    { name: 'x', nodes: [container('r'), 7] },
    flat(['a', { agentLoad: undefined }], ['b', { dependencies: [{ sourceNodeId: 'b' }, { sourceNodeId: 'ghost' }] }]),
    flat(['a', { dependencies: [{ sourceNodeId: 'b' }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }]),
    flat(['a', { retry: { maxRetries: 2, backoff: { initialMs: 5000, maxMs: 100 } }, priority: 1.5, colour: 'red' }]),
    workflow([container('r1', { isRoot: true }), container('r2', { isRoot: true })]),
    workflow([container('root', { isRoot: true, children: ['a', 'a', 'root', 'ghost'] }), agent('a', 'root', { children: ['x'] })]),
    containerDeadlock(),
  ];
  const found = definitions.flatMap((definition) => validateWorkflow(definition).problems);
  found.push(...parseWorkflowJson('{\n  "name": "w",\n  "nodes": [1 2]\n}', 'broken.json').problems, ...parseWorkflowJson('  ', 'empty.json').problems);
  const files = readdirSync(HAND_MADE_DIR).filter((name) => name.endsWith('.bpmn'));
  for (const file of files) found.push(...(await importBpmn(readFileSync(join(HAND_MADE_DIR, file), 'utf8'))).problems);
  found.push(...(await importBpmn('<definitions><oops></definitions>')).problems);
  return found;
}

describe('the problem wordings catalog', () => {
  it('words every problem code, and only those', () => {
    const worded = new Set(KEYS.map(codeOf));
    expect(CODES.filter((code) => !worded.has(code))).toEqual([]);
    expect(KEYS.filter((key) => codeOf(key) === undefined)).toEqual([]);
  });

  it('gives each problem the catalog wording of its code and context, filled with its params', async () => {
    const found = await manyProblems();
    expect(new Set(found.map((one) => one.code)).size).toBeGreaterThanOrEqual(25);
    for (const one of found) {
      expect(one.params, one.message).toBeDefined();
      const key = wordingKey(one.code, one.params!.context);
      expect(Object.hasOwn(PROBLEM_WORDINGS, key), key).toBe(true);
      for (const name of wordingParamNames(key as ProblemWordingKey)) expect(one.params, `${key} places ${name}`).toHaveProperty(name);
      expect(one.message).toBe(problemWording(key, one.params!));
      expect(one.message, key).not.toMatch(/\{\{|\$t\(/);
    }
  });

  it('fills placeholders and nested schema types', () => {
    const roots = problem('error', WORKFLOW_PROBLEM.multipleRoots, ['nodes', 0], { node: '"r1"', count: 2, names: '"r1", "r2"' }, 'r1');
    expect(roots).toEqual({
      severity: 'error',
      code: 'MULTIPLE_ROOTS',
      path: ['nodes', 0],
      nodeId: 'r1',
      message: '"r1" is one of 2 roots ("r1", "r2"); a workflow has exactly one root container',
      params: { node: '"r1"', count: 2, names: '"r1", "r2"' },
    });
    expect(problem('error', WORKFLOW_PROBLEM.schema, ['nodes', 1, 'priority'], { context: 'type', expected: 'int', received: '1.5' }).message).toBe('must be a whole number, not 1.5');
    expect(problem('error', WORKFLOW_PROBLEM.schema, ['name'], { context: 'required', expected: 'string' }).message).toBe('is required (text)');
  });

  it('words a schema issue it has no wording for with zod\'s own words as the detail, and a refinement by its context', () => {
    const strict = z.object({ a: z.number() }).strict().safeParse({ a: 1, b: 2 });
    const other = zodIssueToProblem(strict.error!.issues[0]!, ['nodes', 0]);
    expect(other.params).toEqual({ context: 'other', detail: strict.error!.issues[0]!.message });
    expect(other.message).toBe(`is not valid: ${strict.error!.issues[0]!.message}`);
    const id = workflowNodeSchema.shape.nodeId.safeParse('a\u0007b');
    expect(zodIssueToProblem(id.error!.issues[0]!, ['nodes', 0, 'nodeId']).message).toBe('must not contain control characters');
  });

  it('makes leaving out a param its wording places a type error', () => {
    // @ts-expect-error SELF_DEPENDENCY places {{node}}
    const unfilled = problem('error', WORKFLOW_PROBLEM.selfDependency, [], {});
    expect(unfilled.message).toBe('{{node}} depends on itself');
  });
});
