import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../../src/renderer/src/common/problem-text';
import { resources } from '../../../src/renderer/src/i18n/resources';
import { WORKFLOW_PROBLEM } from '../../../src/shared/workflow/problem-codes';
import { PROBLEM_WORDINGS, wordingParamNames, type ProblemWordingKey } from '../../../src/shared/workflow/problem-wordings';
import type { Problem } from '../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, container, containerDeadlock, flat, workflow } from '../../helpers/workflow';

async function translator(lng: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance.t;
}

/** Workflows broken in every way the editor can break them, one problem kind or more each. */
const BROKEN = [
  flat(['a', { agentLoad: undefined }], ['b', { dependencies: [{ sourceNodeId: 'b' }, { sourceNodeId: 'ghost' }] }]),
  workflow([container('root', { isRoot: true }), container('empty', { parentId: 'root' })]),
  flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a' }, { sourceNodeId: 'a' }] }], ['c', { join: 'one', dependencies: [{ sourceNodeId: 'a' }] }]),
  flat(['a', { dependencies: [{ sourceNodeId: 'b' }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }]),
  flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a', type: 'any' }, { sourceNodeId: 'a', type: 'success', condition: { '==': [1, 1] } }] }]),
  flat(['a'], ['b', { join: 'one', dependencies: [{ sourceNodeId: 'a', type: 'any' }, { sourceNodeId: 'c' }] }], ['c']),
  workflow([container('root', { isRoot: true }), container('box', { parentId: 'root' }), agent('x', 'box', { dependencies: [{ sourceNodeId: 'box' }] })]),
  workflow([container('root', { isRoot: true }), container('box', { parentId: 'root', dependencies: [{ sourceNodeId: 'x' }] }), agent('x', 'box')]),
  workflow([container('root', { isRoot: true }), container('box', { parentId: 'root' }), agent('x', 'box', { dependencies: [{ sourceNodeId: 'box', type: 'any' }] })]),
  workflow([container('root', { isRoot: true }), container('box', { parentId: 'root', dependencies: [{ sourceNodeId: 'x', type: 'any' }] }), agent('x', 'box')]),
  flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a', condition: true }] }], ['c', { activation: { log: 'x' } }], ['d', { activation: { nonsense: [1] } }]),
  flat(['a', { retry: { maxRetries: 0, backoff: { initialMs: 10 } } }], ['b', { retry: { maxRetries: 2, backoff: { initialMs: 5000, maxMs: 100 } } }], ['c', { containerConfig: {} }]),
  workflow([container('root', { isRoot: true, agentLoad: 'sim', agentConfig: {} }), agent('a', 'root'), agent('a', 'root')]),
  workflow([container('root', { isRoot: true, children: ['a', 'a', 'root', 'ghost'] }), agent('a', 'root', { children: ['x'] })]),
  workflow([container('root', { isRoot: true }), agent('a', 'nowhere'), agent('b', 'b'), agent('c', undefined), agent('d', 'a')]),
  workflow([container('r1', { isRoot: true }), container('r2', { isRoot: true })]),
  workflow([agent('lonely', undefined, { isRoot: true })]),
  workflow([container('top', { parentId: 'inner' }), container('inner', { parentId: 'top' })]),
  workflow([container('root', { isRoot: true, children: ['a'] }), container('other', { parentId: 'root', children: ['a'] }), agent('a', 'root')]),
  workflow([container('root', { isRoot: true }), container('side', { parentId: 'root', children: [] }), agent('a', 'side'), agent('b', undefined, { isRoot: true, parentId: 'root' })]),
];

function problemsOf(): Problem[] {
  return BROKEN.flatMap((definition) => validateWorkflow(definition).problems);
}

describe('validator problems in the window’s language', () => {
  it('has a message in both languages for every wording the validator gives params for', () => {
    const templated = problemsOf().filter((problem) => problem.params !== undefined);
    const wordings = new Set(templated.map((problem) => `${problem.code}${problem.params?.context ? `_${problem.params.context}` : ''}`));
    expect(wordings.size).toBeGreaterThanOrEqual(35);
    for (const language of [resources.en.translation, resources['zh-CN'].translation] as const) {
      const messages = (language as { problemMessages: Record<string, string> }).problemMessages;
      for (const wording of wordings) expect(messages[wording], wording).toBeTypeOf('string');
    }
  });

  it('words in Chinese exactly the keys of the shared catalog, placing only params the catalog gives', () => {
    const messages = (resources['zh-CN'].translation as { problemMessages: Record<string, string> }).problemMessages;
    expect(Object.keys(messages).sort()).toEqual(Object.keys(PROBLEM_WORDINGS).sort());
    for (const [key, text] of Object.entries(messages)) {
      const placed = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!);
      const given = wordingParamNames(key as ProblemWordingKey);
      expect(placed.filter((name) => !given.includes(name)), key).toEqual([]);
    }
  });

  it('takes its English from the shared catalog', () => {
    const messages = (resources.en.translation as { problemMessages: Record<string, string> }).problemMessages;
    expect(messages).toEqual(PROBLEM_WORDINGS);
  });

  it('shows a Chinese sentence for each of them, with the ids and values of the workflow in it', async () => {
    const t = await translator('zh-CN');
    const templated = problemsOf().filter((problem) => problem.params !== undefined);
    for (const problem of templated) {
      const text = problemMessage(t, problem);
      expect(text, problem.code).toMatch(/\p{Script=Han}/u);
      for (const value of Object.values(problem.params!)) if (typeof value === 'string' && value.startsWith('"')) expect(text).toContain(value);
      // Identifiers of the definition may stay as written; English words in a row may not.
      const prose = text.replace(/"[^"]*"/g, '').replace(/\b(parentId|isRoot|maxRetries|initialMs|maxMs|agentLoad|agentConfig|containerConfig|JSON Logic|nodes|dependencies|any|one|log|script|http|manual)\b/g, '');
      expect(prose, text).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    }
  });

  it('keeps the validator’s own words where it gives no params', async () => {
    const t = await translator('zh-CN');
    const problem: Problem = { severity: 'error', code: WORKFLOW_PROBLEM.schema, path: ['nodes', 0, 'nodeType'], message: 'must be "container" or "agent"' };
    expect(problemMessage(t, problem)).toBe('must be "container" or "agent"');
    const english = await translator('en');
    const empty = problemsOf().find((problem) => problem.code === WORKFLOW_PROBLEM.emptyContainer)!;
    expect(problemMessage(english, empty)).toBe(empty.message);
  });
});

/** [1, <hole>, undefined]: written out, since a literal with a hole reads as a typo. */
function sparse(): unknown[] {
  const list: unknown[] = [1];
  list[2] = undefined;
  return list;
}

function circular(): object {
  const value: Record<string, unknown> = {};
  value['again'] = value;
  return value;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** Files an import may bring: wrong types and values, bounds, formats, non-JSON data, unknown keys. */
const MALFORMED: unknown[] = [
  {
    name: '',
    description: 5,
    version: [1],
    colour: 'red',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, extra: 1 },
      {
        nodeId: 'a\u0001',
        nodeType: 'agnt',
        parentId: 'root',
        agentLoad: '',
        priority: 1.5,
        timeoutMs: 0,
        retry: { maxRetries: 500, tries: 1, backoff: { initialMs: -1, factor: 0.5, jitter: true } },
        pin: { at: 'yesterday', when: 1 },
        layout: { x: 'left', y: 0, z: 1 },
        dependencies: [{ sourceNodeId: 'root', type: 'maybe', weight: 1 }],
        agentConfig: { x: undefined, big: 10n, list: sparse(), when: new Date(0), lookup: new Map(), tags: new Set(), n: Number.NaN, run: () => 1, id: Symbol('x') },
      },
      { nodeId: 'b', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', pin: 5, version: 1, layout: { x: 0, y: 0, width: 0 } },
      5,
    ],
  },
  {
    name: 'data that is not JSON',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true },
      { nodeType: 'agent', parentId: 'root', agentLoad: 'x'.repeat(201), pin: { at: true } },
      {
        nodeId: 'c',
        nodeType: 'agent',
        parentId: 'root',
        agentLoad: 'sim',
        agentConfig: {
          self: circular(),
          deep: nested(200),
          get computed() {
            return 1;
          },
          instance: new (class Scout {})(),
          inherited: Object.create({ a: 1 }) as object,
          orphaned: Object.create(Object.create(null) as object) as object,
          hostile: JSON.parse('{"__proto__": 1}') as object,
        },
      },
    ],
  },
  { name: 'no nodes' },
  { name: 'nodes of the wrong kind', nodes: 'root' },
  { name: 'empty', nodes: [] },
  'not a workflow',
  flat(['a'], ['b', { dependencies: [{ sourceNodeId: 'a', condition: { '>': [{ var: 'score' }, 1] } }] }], ['c', { dependencies: [{ sourceNodeId: 'a', condition: { '>': [1, 2], '<': [2, 1] } }] }], ['d', { activation: {} }]),
  containerDeadlock(),
];

describe('problems of imported files in the window’s language', () => {
  const found = MALFORMED.flatMap((input) => validateWorkflow(input).problems);

  it('gives every problem of a malformed file params, and both languages a wording for each', () => {
    expect(found.filter((problem) => problem.params === undefined)).toEqual([]);
    const wordings = new Set(found.map((problem) => `${problem.code}${problem.params?.context ? `_${problem.params.context}` : ''}`));
    for (const code of [WORKFLOW_PROBLEM.schema, WORKFLOW_PROBLEM.unknownProperty, WORKFLOW_PROBLEM.notJson, WORKFLOW_PROBLEM.notFinite, WORKFLOW_PROBLEM.unknownVariable, WORKFLOW_PROBLEM.deadlock, WORKFLOW_PROBLEM.notAnObject]) {
      expect([...wordings].some((wording) => wording === code || wording.startsWith(`${code}_`)), code).toBe(true);
    }
    expect(wordings.size).toBeGreaterThanOrEqual(45);
    for (const language of [resources.en.translation, resources['zh-CN'].translation] as const) {
      const messages = (language as { problemMessages: Record<string, string> }).problemMessages;
      for (const wording of wordings) expect(messages[wording], wording).toBeTypeOf('string');
    }
  });

  it('reads in Chinese, with the file’s values in it', async () => {
    const t = await translator('zh-CN');
    for (const problem of found) {
      const text = problemMessage(t, problem);
      expect(text, problem.message).toMatch(/\p{Script=Han}/u);
      expect(text, problem.message).not.toMatch(/\{\{|\$t\(|schemaTypes\./);
      for (const value of Object.values(problem.params!)) if (typeof value === 'string' && value.startsWith('"')) expect(text).toContain(value);
      const prose = text.replace(/"[^"]*"/g, '').replace(/\b(ISO 8601|JSON Logic|true|false|null|undefined|BigInt|Date|Map|Set|Symbol|getter|setter|delayMs|at|retry|backoff|layout|pin|name|nodes)\b/g, '');
      expect(prose, text).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    }
    const text = (path: string) => problemMessage(t, found.find((problem) => problem.path.join('.') === path)!);
    expect(text('description')).toBe('应为文本，而不是 5');
    expect(text('nodes.1.priority')).toBe('应为整数，而不是 1.5');
    expect(text('nodes.1.nodeType')).toBe('应为 "container", "agent" 之一，而不是 "agnt"');
    expect(text('nodes.1.retry.maxRetries')).toBe('不能大于 100');
    expect(text('nodes.1.timeoutMs')).toBe('必须大于 0');
    expect(text('name')).toBe('不能为空');
    expect(text('colour')).toBe('"colour" 不是工作流的属性，已忽略');
    expect(problemMessage(t, found.find((problem) => problem.code === WORKFLOW_PROBLEM.deadlock)!)).toBe('容器之间形成死锁："B" → "A" → "a1" → "b1" → "B"（每个都只能在前一个之后进行，因此谁也无法先开始）');
  });

  it('reads in English as the validator words it', async () => {
    const t = await translator('en');
    for (const problem of found) expect(problemMessage(t, problem)).toBe(problem.message);
    const typed = found.find((problem) => problem.path.join('.') === 'description')!;
    expect(problemMessage(t, typed)).toBe('must be text, not 5');
  });
});
