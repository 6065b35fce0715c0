import { describe, expect, it } from 'vitest';
import { candidateScore, priorityScore, skillScore, workloadScore, type ScoreCandidate, type ScoreNode } from '../../../../src/main/core/engine/placement-score';
import { Placement } from '../../../../src/main/core/engine/placement';
import { DEFAULT_SCORE_WEIGHTS } from '../../../../src/shared/settings/settings';

/** Four Engines with skills and loads; the expected scores below are worked out by hand. */
const ENGINES: ScoreCandidate[] = [
  { index: 0, weight: 1, active: 0, capacity: 4, skills: ['linux'] },
  { index: 1, weight: 3, active: 3, capacity: 4, skills: ['gpu', 'linux'] },
  { index: 2, weight: 2, active: 2, capacity: 10, skills: ['gpu'] },
  { index: 3, weight: 1, active: 8, capacity: 8, skills: [] },
];
const GPU_LINUX: ScoreNode = { requiredSkills: ['gpu', 'linux'], priority: 50 };
const NOTHING: ScoreNode = { requiredSkills: [], priority: -100 };

const TABLE: { strategy: 'score' | 'least_connections' | 'weighted'; node: ScoreNode; expected: number[]; chosen: number }[] = [
  // workload 1, .25, .8, 0; skill .5, 1, .5, 0; priority (50+100)/200 = .75 → ·.3 = .225
  // 0: .3 + .2 + .225 = .725 · 1: .075 + .4 + .225 = .7 · 2: .24 + .2 + .225 = .665 · 3: 0 + 0 + .225 = .225
  { strategy: 'score', node: GPU_LINUX, expected: [0.725, 0.7, 0.665, 0.225], chosen: 0 },
  // no skills required: skill 1 everywhere (·.4 = .4); priority −100 → 0
  { strategy: 'score', node: NOTHING, expected: [0.7, 0.475, 0.64, 0.4], chosen: 0 },
  // 1 − active/capacity
  { strategy: 'least_connections', node: GPU_LINUX, expected: [1, 0.25, 0.8, 0], chosen: 0 },
  // weight · 1/(1+active) · skill: 1·1·.5 = .5 · 3·¼·1 = .75 · 2·⅓·.5 = ⅓ · 1·⅑·0 = 0
  { strategy: 'weighted', node: GPU_LINUX, expected: [0.5, 0.75, 1 / 3, 0], chosen: 1 },
  { strategy: 'weighted', node: NOTHING, expected: [1, 0.75, 2 / 3, 1 / 9], chosen: 0 },
];

describe('placement scores', () => {
  it('workload, skill and priority parts', () => {
    expect(workloadScore(1, 4)).toBe(0.75);
    expect(workloadScore(5, 4)).toBe(0);
    expect(workloadScore(0, 0)).toBe(0);
    expect(skillScore([], ['gpu'])).toBe(1);
    expect(skillScore(['gpu', 'linux', 'gpu'], ['gpu'])).toBe(0.5);
    expect(priorityScore(0)).toBe(0.5);
    expect(priorityScore(-100)).toBe(0);
    expect(priorityScore(100)).toBe(1);
    expect(priorityScore(1_000_000)).toBe(1);
    expect(priorityScore(-20)).toBe(0.4);
  });

  it.each(TABLE)('$strategy over four Engines matches the hand-computed scores ($node.requiredSkills)', ({ strategy, node, expected, chosen }) => {
    const scores = ENGINES.map((engine) => candidateScore(strategy, engine, node, DEFAULT_SCORE_WEIGHTS));
    scores.forEach((score, index) => expect(score).toBeCloseTo(expected[index]!, 10));
    const choice = new Placement(strategy).choose(ENGINES, node);
    expect(choice.index).toBe(chosen);
    expect(choice.score).toBeCloseTo(expected[chosen]!, 10);
    expect(choice.scores.map((entry) => entry.index)).toEqual([0, 1, 2, 3]);
  });

  it('weights are configurable: all weight on skills picks the Engine with every required skill', () => {
    const weights = { workload: 0, skill: 1, priority: 0 };
    expect(ENGINES.map((engine) => candidateScore('score', engine, GPU_LINUX, weights))).toEqual([0.5, 1, 0.5, 0]);
    expect(new Placement('score', weights).pick(ENGINES, GPU_LINUX)).toBe(1);
  });

  it('round robin does not score', () => {
    expect(candidateScore('round_robin', ENGINES[0]!, NOTHING, DEFAULT_SCORE_WEIGHTS)).toBeNull();
  });
});
