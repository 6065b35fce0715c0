import { describe, expect, it } from 'vitest';
import { advance, playFrom, REPLAY_SPEEDS, sliderStep, stepTarget } from '../../../../src/renderer/src/monitor/replay/replay-playback';

describe('replay playback', () => {
  it('offers real time and doublings up to 64×', () => {
    expect(REPLAY_SPEEDS).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('pauses at the first chosen event it passes, not at one it starts on', () => {
    expect(advance(1000, 100, 64, 100_000, [5000, 6000])).toEqual({ at: 5000, done: true });
    expect(advance(5000, 100, 64, 100_000, [5000, 6000])).toEqual({ at: 6000, done: true });
    expect(advance(1000, 10, 8, 100_000, [5000])).toEqual({ at: 1080, done: false });
  });

  it('advances by the elapsed time times the speed, stopping at the end', () => {
    expect(advance(1000, 100, 10, 10_000)).toEqual({ at: 2000, done: false });
    expect(advance(9000, 100, 60, 10_000)).toEqual({ at: 10_000, done: true });
    expect(advance(1000, -5, 1, 10_000)).toEqual({ at: 1000, done: false });
  });

  it('plays from the beginning again once at the end', () => {
    expect(playFrom(10_000, 0, 10_000)).toBe(0);
    expect(playFrom(4000, 0, 10_000)).toBe(4000);
  });

  it('steps to the previous or next change, and to the ends past the first and last', () => {
    const changes = [100, 200, 300];
    expect(stepTarget(changes, 250, -1, 0, 1000)).toBe(200);
    expect(stepTarget(changes, 200, -1, 0, 1000)).toBe(100);
    expect(stepTarget(changes, 200, 1, 0, 1000)).toBe(300);
    expect(stepTarget(changes, 50, -1, 0, 1000)).toBe(0);
    expect(stepTarget(changes, 300, 1, 0, 1000)).toBe(1000);
  });

  it('steps by a hundredth of the run when the changes are unknown', () => {
    expect(stepTarget(undefined, 500, 1, 0, 1000)).toBe(510);
    expect(stepTarget([], 5, -1, 0, 1000)).toBe(0);
  });

  it('gives the slider a thousandth of the run as its step', () => {
    expect(sliderStep(0, 600_000)).toBe(600);
    expect(sliderStep(0, 10)).toBe(1);
  });
});
