import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../../../src/renderer/src/editor/problems/problem-text';
import { resources } from '../../../../src/renderer/src/i18n/resources';
import { WORKFLOW_PROBLEM } from '../../../../src/shared/workflow/problem-codes';
import type { Problem } from '../../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../../src/shared/workflow/validate';
import { agent, container, flat, workflow } from '../../../helpers/workflow';

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

  it('names only real problem codes among its messages', () => {
    const codes: string[] = Object.values(WORKFLOW_PROBLEM);
    const messages = (resources['zh-CN'].translation as { problemMessages: Record<string, string> }).problemMessages;
    for (const key of Object.keys(messages)) expect(codes.some((code) => key === code || key.startsWith(`${code}_`)), key).toBe(true);
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
