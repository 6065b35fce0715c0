import { describe, expect, it } from 'vitest';
import { toEngineRequest } from '../../../src/shared/workflow/engine-format';
import { hiddenCharacter, submissionBytes } from '../../../src/shared/workflow/limits-check';
import { describeBytes, utf8Bytes, WORKFLOW_LIMITS } from '../../../src/shared/workflow/limits';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { codes, deepChain, errors, flat } from '../../helpers/workflow';

describe('workflow limits at validate time', () => {
  it('agrees with the Engine: the submission limit leaves the envelope room under its message limit', () => {
    expect(WORKFLOW_LIMITS.submissionBytes).toBeLessThan(16 * 1024 * 1024);
    expect(WORKFLOW_LIMITS.submissionBytes).toBeGreaterThan(15 * 1024 * 1024);
  });

  it('refuses every invisible and bidirectional character in ids, naming the node and the code point', () => {
    const hidden = [0x202e, 0x202a, 0x2066, 0x2069, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0x061c, 0x2028];
    for (const code of hidden) {
      const id = `scout${String.fromCodePoint(code)}1`;
      const result = validateWorkflow(flat([id]));
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      expect(codes(errors(result)), hex).toEqual([P.hiddenIdCharacter]);
      expect(errors(result)[0]).toMatchObject({ nodeId: id, path: ['nodes', 1, 'nodeId'], params: { node: `"scout\\u{${code.toString(16).toUpperCase()}}1"` } });
      expect(errors(result)[0]!.message).toContain(`holds U+${hex}`);
    }
    expect(hiddenCharacter('a\u202Eb')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(hiddenCharacter('x\uD800')).toBe('U+D800 an unpaired surrogate');
  });

  it('keeps CJK, emoji with variation selectors, and accented ids', () => {
    expect(validateWorkflow(flat(['红方-侦察'], ['蓝方🛡️'], ['café'], ['α-β'])).problems).toEqual([]);
  });

  it('refuses a node config over the config limit, naming the node, the field and both sizes', () => {
    const result = validateWorkflow(flat(['bulky', { agentConfig: { data: 'x'.repeat(WORKFLOW_LIMITS.configBytes) } }]));
    expect(errors(result)).toEqual([
      expect.objectContaining({
        code: P.configTooLarge,
        nodeId: 'bulky',
        path: ['nodes', 1, 'agentConfig'],
        message: 'the agentConfig of "bulky" is 1 MiB as JSON; a node\'s config is limited to 1 MiB. Move large data to a file the agent reads',
      }),
    ]);
  });

  it('refuses a workflow whose Engine submission passes the limit, and measures exactly what would be sent', () => {
    const blob = 'é'.repeat(450 * 1024);
    const nodes = Array.from({ length: 20 }, (_, index) => [`a${index}`, { agentConfig: { blob } }] as [string, { agentConfig: { blob: string } }]);
    const result = validateWorkflow(flat(...nodes));
    expect(codes(errors(result))).toEqual([P.submissionTooLarge]);
    expect(errors(result)[0]!.message).toMatch(/^the task tree sent to an Engine for this workflow would be 17\.6 MiB; the Engine's message limit leaves 15\.9 MiB for it/);

    const fits = validateWorkflow(flat(...nodes.slice(0, 10)));
    expect(fits.ok).toBe(true);
    const sent = utf8Bytes(JSON.stringify(toEngineRequest('9223372036854775807', fits.definition!)));
    expect(sent).toBeLessThanOrEqual(WORKFLOW_LIMITS.submissionBytes);
    expect(sent).toBe(Buffer.byteLength(JSON.stringify(toEngineRequest('9223372036854775807', fits.definition!))));
    // Measured node by node, without the request built, to the byte.
    expect(submissionBytes(fits.definition!)).toBe(sent);
    const nested = validateWorkflow(deepChain(5)).definition!;
    expect(submissionBytes(nested)).toBe(Buffer.byteLength(JSON.stringify(toEngineRequest('9223372036854775807', nested))));
  });

  it('words sizes as people read them', () => {
    expect([describeBytes(512), describeBytes(1536), describeBytes(16 * 1024 * 1024), describeBytes(17.6 * 1024 * 1024)]).toEqual(['512 bytes', '1.5 KiB', '16 MiB', '17.6 MiB']);
    expect(utf8Bytes('a€😀')).toBe(Buffer.byteLength('a€😀'));
  });
});
