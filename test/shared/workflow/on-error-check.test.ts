import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { agent, container, workflow } from '../../helpers/workflow';

const found = (input: unknown) => validateWorkflow(input).problems.map(({ severity, code, path, message }) => ({ severity, code, path, message }));

describe('onError rules in the validator', () => {
  it('refuses an unknown action, naming the rule', () => {
    const input = workflow([container('root'), agent('a', 'root', { onError: [{ code: 'X', action: 'reboot' }] })]);
    expect(found(input)).toEqual([
      { severity: 'error', code: 'SCHEMA', path: ['nodes', 1, 'onError', 0, 'action'], message: 'must be one of "retry", "skip", "handler", "escalate", not "reboot"' },
    ]);
  });

  it('reports a pattern that never matches, a retry without budget, and each way a handler cannot be one, with paths', () => {
    const input = workflow([
      container('root'),
      container('box', { parentId: 'root' }),
      agent('a', 'box', {
        onError: [
          { code: ' ', action: 'skip' },
          { code: 'TIMEOUT', action: 'retry' },
          { code: 'Y', action: 'handler' },
          { code: 'Z', action: 'handler', handlerNodeId: 'a' },
          { code: 'W', action: 'handler', handlerNodeId: 'box' },
          { code: 'V', action: 'handler', handlerNodeId: 'ghost' },
          { code: 'U', action: 'handler', handlerNodeId: 'elsewhere' },
          { code: 'T', action: 'handler', handlerNodeId: 'other' },
          { code: 'S', action: 'handler', handlerNodeId: 'fix' },
        ],
      }),
      agent('fix', 'box', { dependencies: [{ sourceNodeId: 'a' }] }),
      container('other', { parentId: 'root' }),
      agent('elsewhere', 'other'),
    ]);
    const rule = (index: number, ...rest: string[]) => ['nodes', 2, 'onError', index, ...rest];
    expect(found(input)).toEqual([
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(0, 'code'), message: 'the code pattern is empty, so the rule never matches; write an error code such as "TIMEOUT", a pattern such as "HTTP_*", or "*" for any code' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(1, 'maxRetries'), message: 'a retry rule needs maxRetries of at least 1: without a budget it never retries' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(2, 'handlerNodeId'), message: 'a handler rule needs handlerNodeId: the node that runs to handle the failure' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(3, 'handlerNodeId'), message: '"a" names itself as its handler; a failed node cannot handle its own failure' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(4, 'handlerNodeId'), message: 'the handler "box" is a container that "a" is inside; a handler is an agent that runs beside the failed node' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(5, 'handlerNodeId'), message: 'the handler "ghost" names no node' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(6, 'handlerNodeId'), message: 'the handler "elsewhere" is not inside a container around "a", so it cannot run while "a" waits for it; move it into the same container' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: rule(7, 'handlerNodeId'), message: 'the handler "other" is a container; a handler must be an agent' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: ['nodes', 3, 'dependencies'], message: 'the handler "fix" has dependencies; a handler starts only when a rule invokes it, so remove them' },
    ]);
  });

  it('warns of rules after a catch-all, settings the action ignores, and rules on a container; checks the workflow’s default handler', () => {
    const input = workflow(
      [
        container('root', { onError: [{ code: '*', action: 'skip' }] }),
        container('box', { parentId: 'root' }),
        agent('a', 'box', { onError: [{ code: '*', action: 'escalate', maxRetries: 2 }, { code: 'TIMEOUT', action: 'skip', handlerNodeId: 'a' }] }),
        agent('deep', 'box'),
      ],
      { onError: [{ code: 'TIMEOUT', action: 'handler', handlerNodeId: 'deep' }, { code: 'X', action: 'handler', handlerNodeId: 'nowhere' }] },
    );
    expect(found(input)).toEqual([
      { severity: 'warning', code: 'IGNORED_SETTING', path: ['nodes', 0, 'onError'], message: 'onError on the container "root" is ignored and dropped: recovery rules act on the failed attempts of agents' },
      { severity: 'warning', code: 'ON_ERROR_RULE', path: ['nodes', 2, 'onError', 0], message: 'maxRetries and backoff only apply to the action "retry"; with "escalate" they are ignored' },
      { severity: 'warning', code: 'ON_ERROR_RULE', path: ['nodes', 2, 'onError', 1], message: 'no failure reaches this rule: rule 1 before it matches every code' },
      { severity: 'warning', code: 'ON_ERROR_RULE', path: ['nodes', 2, 'onError', 1, 'handlerNodeId'], message: 'handlerNodeId only applies to the action "handler"; with "skip" it is ignored' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: ['onError', 0, 'handlerNodeId'], message: 'the default handler "deep" must be a child of the root "root", so that it can run for a failure anywhere' },
      { severity: 'error', code: 'ON_ERROR_RULE', path: ['onError', 1, 'handlerNodeId'], message: 'the handler "nowhere" names no node' },
    ]);
  });

  it('keeps the rules of agents and of the workflow in the normalized definition, and drops a container’s', () => {
    const rules = [{ code: 'HTTP_*', action: 'retry', maxRetries: 2, backoff: { initialMs: 10 } }];
    const result = validateWorkflow(workflow([container('root', { onError: rules }), agent('a', 'root', { onError: rules }), agent('b', 'root')], { onError: [{ code: '*', action: 'escalate' }] }));
    expect(result.ok).toBe(true);
    expect(result.definition!.onError).toEqual([{ code: '*', action: 'escalate' }]);
    expect(result.definition!.nodes.map((node) => node.onError)).toEqual([undefined, [{ code: 'HTTP_*', action: 'retry', maxRetries: 2, backoff: { initialMs: 10, factor: 2, maxMs: 60_000 } }], undefined]);
  });

  it('warns of a property an onError rule does not have', () => {
    const input = workflow([container('root'), agent('a', 'root', { onError: [{ code: 'X', action: 'skip', retries: 3 }] })]);
    expect(found(input)).toEqual([{ severity: 'warning', code: 'UNKNOWN_PROPERTY', path: ['nodes', 1, 'onError', 0, 'retries'], message: '"retries" is not a property of an onError rule; it is ignored' }]);
  });
});
