import { describe, expect, it } from 'vitest';
import type { OnErrorRule } from '../../../src/shared/workflow/definition';
import { chooseRule, codeMatches, effectiveRules, handlerNodeIds, lastRuleActed, ruleLabel, RULE_REASON_PATTERN } from '../../../src/shared/workflow/on-error';

const rules: OnErrorRule[] = [
  { code: 'TIMEOUT', action: 'retry', maxRetries: 2 },
  { code: 'HTTP_*', action: 'skip' },
  { code: '*_LOST', action: 'escalate' },
  { code: 'EXIT_CODE', action: 'handler', handlerNodeId: 'cleanup' },
  { code: '', action: 'skip' },
];

describe('choosing an onError rule by error code', () => {
  it.each([
    ['TIMEOUT', 'retry', 0],
    ['timeout', 'retry', 0],
    ['HTTP_STATUS', 'skip', 1],
    ['HTTP_', 'skip', 1],
    ['ENGINE_LOST', 'escalate', 2],
    ['EXIT_CODE', 'handler', 3],
    ['EXIT_CODES', undefined, undefined],
    ['REJECTED', undefined, undefined],
    ['AGENT_ERROR', undefined, undefined],
    ['', undefined, undefined],
  ])('%j → %s', (code, action, index) => {
    const chosen = chooseRule({ rules, scope: 'node' }, code);
    expect(chosen?.rule.action).toBe(action);
    expect(chosen?.index).toBe(index);
  });

  it('takes the first matching rule, reads * as any characters and everything else literally', () => {
    const catchAll = chooseRule({ rules: [{ code: '*', action: 'escalate' }, ...rules], scope: 'workflow' }, 'TIMEOUT');
    expect(catchAll).toMatchObject({ index: 0, scope: 'workflow', rule: { action: 'escalate' } });
    expect(codeMatches('A.B', 'AXB')).toBe(false);
    expect(codeMatches('A.B', 'a.b')).toBe(true);
    expect(codeMatches('(x)+', '(X)+')).toBe(true);
    expect(codeMatches('  ', 'ANY')).toBe(false);
    expect(codeMatches('E*_*R', 'ENGINE_ERROR')).toBe(true);
  });

  it('uses a node’s own rules instead of the workflow’s, never both, and no rules choose nothing', () => {
    const workflowRules: OnErrorRule[] = [{ code: '*', action: 'skip' }];
    expect(effectiveRules(undefined, workflowRules)).toEqual({ rules: workflowRules, scope: 'workflow' });
    expect(effectiveRules([], workflowRules)).toEqual({ rules: [], scope: 'node' });
    expect(chooseRule(effectiveRules([], workflowRules), 'TIMEOUT')).toBeUndefined();
    expect(chooseRule(effectiveRules(undefined, undefined), 'TIMEOUT')).toBeUndefined();
  });

  it('labels the rule in reasons in a form read back after a restart', () => {
    const label = ruleLabel({ index: 3, rule: rules[3]!, scope: 'node' });
    expect(label).toBe('onError rule 4 ("EXIT_CODE" → handler "cleanup")');
    expect(RULE_REASON_PATTERN.exec(`${label}: attempt 1 failed`)?.[1]).toBe('4');
    expect(RULE_REASON_PATTERN.exec(ruleLabel({ index: 0, rule: rules[0]!, scope: 'workflow' }))?.[1]).toBe('1');
    expect(RULE_REASON_PATTERN.exec('attempt 1 failed (TIMEOUT: x); retry 1 of 2 in 5 ms')).toBeNull();
  });

  it('names the handler nodes of node and workflow rules', () => {
    expect([...handlerNodeIds({ onError: [{ code: '*', action: 'handler', handlerNodeId: 'h1' }], nodes: [{ onError: rules }, {}] })].sort()).toEqual(['cleanup', 'h1']);
  });
});

describe('the rule that acted, read back from transitions', () => {
  it('is the newest error transition whose reason starts with a rule', () => {
    expect(
      lastRuleActed([
        { trigger: 'error', reason: 'onError rule 1 ("TIMEOUT" → retry): attempt 1 timed out (TIMEOUT: x); retry 1 of 2 in 5 ms' },
        { trigger: 'system', reason: 'started (batch 2)' },
        { trigger: 'error', reason: 'workflow onError rule 2 ("EXIT_CODE" → handler "fix"): attempt 2 failed (EXIT_CODE: y); handler "fix" runs' },
        { trigger: 'system', reason: 'completed' },
      ]),
    ).toBe('workflow onError rule 2 ("EXIT_CODE" → handler "fix")');
    expect(lastRuleActed([{ trigger: 'error', reason: 'attempt 1 failed (EXIT_CODE: y)' }, { trigger: 'user', reason: 'onError rule 1 ("x" → skip): typed by hand' }])).toBeNull();
  });
});
