import { describe, expect, it } from 'vitest';
import { StartBatch } from '../../../../src/main/core/engine/start-batch';
import { ENGINE_BATCH_LIMITS, type StartNodeCommand, type StartResult } from '../../../../src/shared/engine/protocol';
import { startSim } from '../../../helpers/engine';

/** A StartBatch over a recording sender that answers each start with `answer`. */
function recording(answer: (command: StartNodeCommand) => StartResult = () => ({ ok: true })) {
  const sent: StartNodeCommand[][] = [];
  const batch = new StartBatch(async (nodes) => {
    sent.push(nodes);
    return { results: nodes.map(answer) };
  }, 'Engine test');
  return { sent, batch };
}

describe('StartBatch', () => {
  it('sends the starts asked for in one synchronous burst as one message, and settles each', async () => {
    const { sent, batch } = recording();
    const starts = ['a', 'b', 'c'].map((nodeId) => batch.start(startSim(nodeId)));
    await expect(Promise.all(starts)).resolves.toEqual([undefined, undefined, undefined]);
    expect(sent.map((nodes) => nodes.map((node) => node.nodeId))).toEqual([['a', 'b', 'c']]);
    await batch.start(startSim('d'));
    expect(sent).toHaveLength(2);
  });

  it('rejects only the starts the Engine refused, each with its own code', async () => {
    const { batch } = recording((command) => (command.nodeId === 'b' ? { ok: false, error: { code: 'AT_CAPACITY', message: 'full' } } : { ok: true }));
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((nodeId) => batch.start(startSim(nodeId))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: 'AT_CAPACITY', retryable: true, message: 'Engine test: full' } });
  });

  it('splits a burst larger than a message may carry', async () => {
    const { sent, batch } = recording();
    const count = ENGINE_BATCH_LIMITS.maxStartsPerCommand + 5;
    await Promise.all(Array.from({ length: count }, (_, index) => batch.start(startSim(`n${index}`))));
    expect(sent.map((nodes) => nodes.length)).toEqual([ENGINE_BATCH_LIMITS.maxStartsPerCommand, 5]);
  });

  it('rejects every start of a message that failed or was answered outside the protocol', async () => {
    const lost = new StartBatch(() => Promise.reject(Object.assign(new Error('gone'), { code: 'ENGINE_LOST' })), 'Engine test');
    const outcomes = await Promise.allSettled([lost.start(startSim('a')), lost.start(startSim('b'))]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as { code: string }).code)).toEqual(['ENGINE_LOST', 'ENGINE_LOST']);
    const short = new StartBatch(() => Promise.resolve({ results: [{ ok: true as const }] }), 'Engine test');
    const answered = await Promise.allSettled([short.start(startSim('a')), short.start(startSim('b'))]);
    expect(answered.map((outcome) => outcome.status === 'rejected' && (outcome.reason as { code: string }).code)).toEqual(['PROTOCOL', 'PROTOCOL']);
  });
});
