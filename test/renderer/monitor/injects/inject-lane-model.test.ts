import { describe, expect, it } from 'vitest';
import type { InjectView } from '../../../../src/shared/injects/inject-view';
import { injectMarks } from '../../../../src/renderer/src/monitor/injects/inject-lane-model';

const ACTIONS: InjectView['actions'] = [{ type: 'setVariables', variables: { phase: 2 } }];
const view = (inject: Partial<InjectView> & Pick<InjectView, 'id' | 'when'>): InjectView => ({ actions: ACTIONS, state: 'pending', firedAt: null, taskTimeMs: null, firedBy: null, detail: null, ...inject });

describe('injectMarks', () => {
  it('places planned injects at their moment and fired ones where they fired, in time order', () => {
    const marks = injectMarks(
      [
        view({ id: 'later', when: { type: 'taskTime', afterMs: 60_000 }, taskTimeMs: 60_000 }),
        view({ id: 'wall', name: 'Storm', when: { type: 'wallClock', at: '2026-01-01T00:00:05Z' } }),
        view({ id: 'manual', when: { type: 'manual' }, state: 'fired', firedAt: 1_000_500, taskTimeMs: 500, firedBy: 'ops' }),
        view({ id: 'broken', when: { type: 'taskTime', afterMs: 2_000 }, state: 'failed', firedAt: 1_002_100, taskTimeMs: 2_100 }),
      ],
      1_000_000,
    );
    expect(marks.map((mark) => [mark.id, mark.at, mark.state, mark.planned])).toEqual([
      ['manual', 1_000_500, 'fired', false],
      ['broken', 1_002_100, 'failed', false],
      ['later', 1_060_000, 'pending', true],
      ['wall', Date.parse('2026-01-01T00:00:05Z'), 'pending', true],
    ]);
    expect(marks.find((mark) => mark.id === 'wall')?.name).toBe('Storm');
  });

  it('leaves out pending injects that have no moment yet: manual, on a node status, task time before the start', () => {
    const marks = injectMarks(
      [
        view({ id: 'manual', when: { type: 'manual' } }),
        view({ id: 'status', when: { type: 'nodeStatus', nodeId: 'a', status: 'completed' } }),
        view({ id: 'timed', when: { type: 'taskTime', afterMs: 1_000 } }),
      ],
      null,
    );
    expect(marks).toEqual([]);
  });

  it('counts a planned task time from the task start when the view carries none', () => {
    expect(injectMarks([view({ id: 'timed', when: { type: 'taskTime', afterMs: 1_000 } })], 5_000)[0]?.at).toBe(6_000);
  });
});
