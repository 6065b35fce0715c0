import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyClockChange, clockChangeSchema, initialAnchor, simAt, wallAt, type ClockAnchor } from '../../../src/shared/clock/clock-model';
import { currentAnchor, simDuration, taskTimeAt } from '../../../src/shared/clock/task-time';

const anchorArb = fc.record({
  simMs: fc.integer({ min: 0, max: 1e9 }),
  wallMs: fc.integer({ min: 0, max: 1e12 }),
  rate: fc.constantFrom(0.25, 0.5, 1, 2, 10, 64),
  paused: fc.boolean(),
});

describe('the exercise clock model', () => {
  it('runs at its rate and stands still while paused', () => {
    const anchor: ClockAnchor = { simMs: 1000, wallMs: 5000, rate: 10, paused: false };
    expect(simAt(anchor, 6000)).toBe(11_000);
    expect(simAt({ ...anchor, paused: true }, 60_000)).toBe(1000);
    expect(wallAt(anchor, 11_000)).toBe(6000);
    expect(wallAt({ ...anchor, paused: true }, 11_000)).toBeNull();
  });

  it('never goes backwards, whatever the changes', () => {
    const changeArb = fc.oneof(
      fc.constant({ action: 'pause' as const }),
      fc.constant({ action: 'resume' as const }),
      fc.record({ action: fc.constant('rate' as const), rate: fc.constantFrom(0.25, 1, 3, 64) }),
      fc.record({ action: fc.constant('step' as const), ms: fc.integer({ min: 1, max: 10_000 }) }),
    );
    fc.assert(
      fc.property(anchorArb, fc.array(fc.tuple(changeArb, fc.integer({ min: 0, max: 100_000 }))), (start, changes) => {
        let anchor: ClockAnchor = start;
        let wall = start.wallMs;
        for (const [change, gap] of changes) {
          wall += gap;
          const before = simAt(anchor, wall);
          const outcome = applyClockChange(anchor, change, wall);
          if (!outcome.ok) continue;
          expect(outcome.anchor.simMs).toBeGreaterThanOrEqual(before);
          expect(outcome.anchor.wallMs).toBe(wall);
          anchor = outcome.anchor;
        }
      }),
    );
  });

  it('maps wall time to simulation time and back', () => {
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 0, max: 1e6 }), (anchor, later) => {
        const running = { ...anchor, paused: false };
        const sim = simAt(running, running.wallMs + later);
        expect(wallAt(running, sim)).toBeCloseTo(running.wallMs + later, 3);
      }),
    );
  });

  it('refuses changes that would do nothing, and steps of a running clock', () => {
    const running = initialAnchor(0);
    expect(applyClockChange(running, { action: 'resume' }, 10)).toEqual({ ok: false, why: 'notPaused' });
    expect(applyClockChange(running, { action: 'step', ms: 100 }, 10)).toEqual({ ok: false, why: 'notPaused' });
    expect(applyClockChange(running, { action: 'rate', rate: 1 }, 10)).toEqual({ ok: false, why: 'sameRate' });
    const paused = applyClockChange(running, { action: 'pause' }, 10);
    expect(paused).toEqual({ ok: true, anchor: { simMs: 10, wallMs: 10, rate: 1, paused: true } });
    if (!paused.ok) return;
    expect(applyClockChange(paused.anchor, { action: 'pause' }, 20)).toEqual({ ok: false, why: 'alreadyPaused' });
    expect(applyClockChange(paused.anchor, { action: 'step', ms: 500 }, 20)).toEqual({ ok: true, anchor: { simMs: 510, wallMs: 20, rate: 1, paused: true } });
  });

  it('validates rates (×0.25 to ×64) and steps, naming what is wrong', () => {
    expect(clockChangeSchema.safeParse({ action: 'rate', rate: 0.25 }).success).toBe(true);
    expect(clockChangeSchema.safeParse({ action: 'rate', rate: 64 }).success).toBe(true);
    const slow = clockChangeSchema.safeParse({ action: 'rate', rate: 0.1 });
    expect(slow.success ? '' : slow.error.issues[0]!.message).toBe('must be at least ×0.25');
    const fast = clockChangeSchema.safeParse({ action: 'rate', rate: 65 });
    expect(fast.success ? '' : fast.error.issues[0]!.message).toBe('must be at most ×64');
    expect(clockChangeSchema.safeParse({ action: 'step', ms: 0 }).success).toBe(false);
    expect(clockChangeSchema.safeParse({ action: 'rewind' }).success).toBe(false);
  });
});

describe('task time', () => {
  it('is wall time since the start without changes, and follows every change after', () => {
    expect(taskTimeAt(1000, [], 4000)).toBe(3000);
    expect(taskTimeAt(1000, [], 500)).toBe(0);
    const anchors: ClockAnchor[] = [
      { simMs: 1000, wallMs: 2000, rate: 10, paused: false },
      { simMs: 11_000, wallMs: 3000, rate: 10, paused: true },
      { simMs: 16_000, wallMs: 4000, rate: 10, paused: true },
    ];
    expect(taskTimeAt(1000, anchors, 2500)).toBe(6000);
    expect(taskTimeAt(1000, anchors, 3500)).toBe(11_000);
    expect(taskTimeAt(1000, anchors, 9000)).toBe(16_000);
    expect(simDuration(1000, anchors, 2000, 3000)).toBe(10_000);
  });

  it('starts at 0 with the rate set before the start', () => {
    const before: ClockAnchor[] = [{ simMs: 0, wallMs: 100, rate: 10, paused: false }];
    expect(taskTimeAt(1000, before, 2000)).toBe(10_000);
    expect(currentAnchor(null, before, 500)).toEqual({ simMs: 0, wallMs: 500, rate: 10, paused: false });
    expect(currentAnchor(1000, before, 5000)).toEqual({ simMs: 0, wallMs: 1000, rate: 10, paused: false });
  });
});
