import { describe, expect, it } from 'vitest';
import { adjacentTime, eventKindsOf, eventTimes, firstCrossed, timesOfKinds } from '../../../src/shared/review/event-kinds';
import type { CausedTransition } from '../../../src/shared/review/transition-history';
import { reasonText, REASON_WORDINGS } from '../../../src/shared/task/reason-wordings';

const context = { isManual: (nodeId: string) => nodeId === 'approve' };
const at = (time: number, rest: Partial<CausedTransition>): CausedTransition => ({ nodeId: 'scout', batch: 1, from: 'running', to: 'completed', trigger: 'system', reason: null, time, ...rest });

describe('event kinds', () => {
  it('tell failures, manual decisions and operator actions from a transition’s trigger, reason and node', () => {
    expect(eventKindsOf(at(1, { to: 'failed', trigger: 'error' }), context)).toEqual(['failure']);
    expect(eventKindsOf(at(1, { from: 'failed', to: 'failed' }), context)).toEqual([]);
    expect(eventKindsOf(at(1, { nodeId: 'approve' }), context)).toEqual(['manual']);
    // A rejection is a person's decision and an operator's action at once.
    expect(eventKindsOf(at(1, { nodeId: 'approve', to: 'failed', trigger: 'user', reason: reasonText('rejectedBy', { operator: 'li' }) }), context)).toEqual(['failure', 'manual', 'operator']);
    expect(eventKindsOf(at(1, { nodeId: 'approve', to: 'failed', trigger: 'timeout' }), context)).toEqual(['failure']);
    expect(eventKindsOf(at(1, { from: 'running', to: 'stopped', trigger: 'user', reason: reasonText('stoppedBy', { operator: 'li' }) }), context)).toEqual(['operator']);
    expect(eventKindsOf(at(1, { from: 'pending', to: 'running' }), context)).toEqual([]);
  });

  it('tell an inject by its reason’s wording, once a wording for it exists', () => {
    const injectKeys = Object.keys(REASON_WORDINGS).filter((key) => key.startsWith('inject'));
    for (const key of injectKeys) expect(eventKindsOf(at(1, { reason: REASON_WORDINGS[key as keyof typeof REASON_WORDINGS] }), context)).toContain('inject');
    expect(eventKindsOf(at(1, { reason: 'injected by hand' }), context)).not.toContain('inject');
  });

  it('give each kind’s distinct moments and the next or previous one from a moment', () => {
    const times = eventTimes(
      [at(30, { to: 'failed' }), at(10, { to: 'failed' }), at(10, { nodeId: 'strike', to: 'failed' }), at(20, { trigger: 'user' }), at(40, { nodeId: 'approve' })],
      context,
    );
    expect(times).toEqual({ failure: [10, 30], manual: [40], inject: [], operator: [20] });
    const chosen = timesOfKinds(times, ['failure', 'operator']);
    expect(chosen).toEqual([10, 20, 30]);
    expect(adjacentTime(chosen, 10, 1)).toBe(20);
    expect(adjacentTime(chosen, 10, -1)).toBeNull();
    expect(adjacentTime(chosen, 25, -1)).toBe(20);
    expect(adjacentTime(chosen, 30, 1)).toBeNull();
    // Playback from 12 to 25 crosses 20 and stops there; from 20 onwards it has left it.
    expect(firstCrossed(chosen, 12, 25)).toBe(20);
    expect(firstCrossed(chosen, 20, 25)).toBeNull();
  });
});
