import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../src/renderer/src/common/error-message';
import { en, resources, zhCN } from '../../../src/renderer/src/i18n/resources';
import { API_ERROR_REASONS, errorReason, reasonParamNames, type ApiErrorReasonKey } from '../../../src/shared/api/error-reasons';
import { API_ERROR_CODES, ApiError } from '../../../src/shared/api/errors';
import { z } from 'zod';

async function translator(lng: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance.t;
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** Plural keys exist as `_one`/`_other` in English and `_other` alone in Chinese. */
function templatesOf(tree: unknown, key: string): string[] {
  const own = lookup(tree, `apiErrors.${key}`);
  if (typeof own === 'string') return [own];
  const [group, leaf] = key.split('.') as [string, string];
  const parent = lookup(tree, `apiErrors.${group}`) as Record<string, unknown> | undefined;
  return Object.entries(parent ?? {})
    .filter(([name]) => name.startsWith(`${leaf}_`))
    .map(([, value]) => value as string);
}

const SAMPLE_PARAMS: Record<string, string | number> = {
  method: 'startTask',
  detail: 'Invalid input',
  path: '0',
  value: 'abc',
  max: 200,
  taskId: '7301',
  status: 'running',
  from: 'completed',
  to: 'running',
  nodeId: 'scout',
  containerId: 'blue',
  count: 2,
  nodes: 'a, b',
  agentLoad: 'sim',
  kind: 'sim',
  name: 'red vs blue',
  id: '42',
  version: 3,
  code: 'AT_CAPACITY',
  seconds: 60,
  browser: '/usr/bin/chromium',
  exit: '1',
};

describe('error messages in the window', () => {
  it('words every reason of the catalog in both languages, with every param it names', async () => {
    for (const [language, tree] of [['en', en], ['zh-CN', zhCN]] as const) {
      const t = await translator(language);
      for (const key of Object.keys(API_ERROR_REASONS) as ApiErrorReasonKey[]) {
        const names = reasonParamNames(key);
        const templates = templatesOf(tree, key);
        expect(templates, `${language} apiErrors.${key}`).not.toEqual([]);
        for (const template of templates) for (const name of names) expect(template, `${language} apiErrors.${key}`).toContain(`{{${name}}}`);
        const params = Object.fromEntries(names.map((name) => [name, SAMPLE_PARAMS[name]!]));
        const text = errorMessage(t, new ApiError('CONFLICT', 'the English message', { reason: { key, params } as never }));
        expect(text, key).not.toContain('{{');
        expect(text, key).not.toContain('$t(');
        expect(text, key).not.toContain('apiErrors.');
        if (language === 'zh-CN') expect(text, key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('places the params, statuses in the window’s words', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    const refused = new ApiError('CONFLICT', 'task 7301 is running; only a pending task can be started', { reason: errorReason('task.notPending', { taskId: '7301', status: 'running' }) });
    expect(errorMessage(zh, refused)).toBe('任务 7301 当前为“运行中”，只有待定的任务才能启动');
    expect(errorMessage(english, refused)).toBe('Task 7301 is running; only a pending task can be started');
    const missing = new ApiError('NOT_FOUND', 'task 5 has no node "侦察"', { reason: errorReason('node.notFound', { taskId: '5', nodeId: '侦察' }) });
    expect(errorMessage(zh, missing)).toBe('任务 5 中没有节点“侦察”');
    const invalid = new ApiError('INVALID_ARGUMENT', 'the workflow is not valid: 1 error', { reason: errorReason('workflow.invalid', { count: 1 }) });
    expect(errorMessage(english, invalid)).toBe('The workflow is not valid: 1 error');
    expect(errorMessage(zh, invalid)).toBe('工作流无效：有 1 个错误');
  });

  it('falls back to a translated label for the code, with the core’s English message, where no reason is known', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    const bare = new ApiError('NOT_FOUND', 'there is no task 5');
    expect(errorMessage(zh, bare)).toBe('未找到：there is no task 5');
    expect(errorMessage(english, bare)).toBe('there is no task 5');
    for (const code of API_ERROR_CODES) {
      expect(errorMessage(zh, new ApiError(code, 'the English message')), code).toMatch(/^[^a-zA-Z]+：the English message$/);
    }
  });

  it('words a refused argument’s schema issue too, as it comes over the transport', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    const parsed = z.object({ limit: z.number().int().max(1000) }).safeParse({ limit: 1_000_000 });
    const issues = JSON.parse(JSON.stringify(parsed.error!.issues)) as unknown;
    const refused = new ApiError('INVALID_ARGUMENT', 'queryLogs: argument 0.limit: Too big', {
      details: issues,
      reason: errorReason('argument.invalid', { path: '0.limit', detail: parsed.error!.issues[0]!.message }),
    });
    expect(errorMessage(zh, refused)).toMatch(/^参数 0\.limit 无效：[^a-zA-Z]*1000[^a-zA-Z]*$/);
    expect(errorMessage(english, refused)).toMatch(/^Invalid argument 0\.limit: .*1000/);
    const withoutIssues = new ApiError('INVALID_ARGUMENT', 'x', { details: 'not issues', reason: errorReason('argument.invalid', { path: '0', detail: 'Invalid input' }) });
    expect(errorMessage(zh, withoutIssues)).toBe('参数 0 无效：Invalid input');

    // The dispatcher has zod report the value sent: a wrong one is named, a missing one is required.
    const refusedName = (sent: object) => {
      const issue = z.object({ name: z.string() }).safeParse(sent, { reportInput: true }).error!.issues[0]!;
      return new ApiError('INVALID_ARGUMENT', 'x', { details: JSON.parse(JSON.stringify([issue])) as unknown, reason: errorReason('argument.invalid', { path: '0.name', detail: issue.message }) });
    };
    expect(errorMessage(zh, refusedName({ name: 5 }))).toMatch(/^参数 0\.name 无效：[^a-zA-Z]*5[^a-zA-Z]*$/);
    expect(errorMessage(english, refusedName({ name: 5 }))).toBe('Invalid argument 0.name: must be text, not 5');
    expect(errorMessage(english, refusedName({}))).toMatch(/^Invalid argument 0\.name: .*required/);
    expect(errorMessage(zh, refusedName({}))).toMatch(/^参数 0\.name 无效：[^a-zA-Z]+$/);
  });

  it('shows any other Error’s message, or the value thrown', async () => {
    const t = await translator('zh-CN');
    expect(errorMessage(t, new TypeError('failed to fetch'))).toBe('failed to fetch');
    expect(errorMessage(t, 'plain')).toBe('plain');
    expect(errorMessage(t, undefined)).toBe('undefined');
  });
});
