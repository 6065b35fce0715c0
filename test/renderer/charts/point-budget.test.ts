import { describe, expect, it } from 'vitest';
import { SERIES_MAX_POINTS } from '../../../src/shared/api/resources';
import { pointBudget, summedPointBudget } from '../../../src/renderer/src/charts/model/point-budget';
import { chartHeight, chartLayout } from '../../../src/renderer/src/charts/model/chart-layout';

describe('point budget', () => {
  it('asks for one point every 3 pixels', () => {
    expect(pointBudget(600)).toBe(200);
    expect(pointBudget(601)).toBe(200);
  });

  it('stays within what the core accepts', () => {
    expect(pointBudget(100_000)).toBe(SERIES_MAX_POINTS);
    expect(pointBudget(3)).toBe(2);
    expect(pointBudget(0)).toBe(2);
    expect(pointBudget(Number.NaN)).toBe(2);
  });
});

describe('chart layout', () => {
  it('puts two charts abreast on a wide grid and budgets for one column', () => {
    expect(chartLayout(1200)).toEqual({ columns: 2, points: 200 });
  });

  it('stacks charts on a narrow grid', () => {
    expect(chartLayout(480)).toEqual({ columns: 1, points: 160 });
  });

  it('keeps chart heights between flat and tall enough to read', () => {
    expect(chartHeight(100)).toBe(140);
    expect(chartHeight(400)).toBe(160);
    expect(chartHeight(2000)).toBe(200);
  });
});

describe('budget for a task total', () => {
  it('keeps buckets at least two sampling intervals wide on a short window', () => {
    expect(summedPointBudget(200, 20_000)).toBe(10);
    expect(summedPointBudget(200, 1000)).toBe(2);
  });

  it('keeps the width budget on a long window', () => {
    expect(summedPointBudget(200, 60 * 60 * 1000)).toBe(200);
  });
});
