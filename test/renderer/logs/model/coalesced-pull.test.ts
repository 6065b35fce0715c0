import { describe, expect, it } from 'vitest';
import { coalescedPull } from '../../../../src/renderer/src/logs/model/coalesced-pull';

/** A fetch whose runs the test finishes one by one, each saying whether more is waiting. */
function controlledFetch() {
  const pending: Array<{ resolve: (more: boolean) => void; reject: (error: unknown) => void }> = [];
  let runs = 0;
  const fetch = () =>
    new Promise<boolean>((resolve, reject) => {
      runs++;
      pending.push({ resolve, reject });
    });
  const settle = async (outcome: boolean | Error) => {
    const next = pending.shift()!;
    if (outcome instanceof Error) next.reject(outcome);
    else next.resolve(outcome);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { fetch, settle, runs: () => runs, waiting: () => pending.length };
}

describe('live pulls', () => {
  it('folds notices that arrive during a run into one further run', async () => {
    const fake = controlledFetch();
    const puller = coalescedPull(fake.fetch, () => undefined);
    puller.pull();
    puller.pull();
    puller.pull();
    puller.pull();
    expect(fake.runs()).toBe(1);
    await fake.settle(false);
    expect(fake.runs()).toBe(2);
    await fake.settle(false);
    expect(fake.runs()).toBe(2);
    expect(fake.waiting()).toBe(0);
  });

  it('runs again at once while full pages say more is waiting', async () => {
    const fake = controlledFetch();
    const puller = coalescedPull(fake.fetch, () => undefined);
    puller.pull();
    await fake.settle(true);
    await fake.settle(true);
    await fake.settle(false);
    expect(fake.runs()).toBe(3);
    expect(fake.waiting()).toBe(0);
  });

  it('reports an error and waits for the next notice', async () => {
    const fake = controlledFetch();
    const errors: unknown[] = [];
    const puller = coalescedPull(fake.fetch, (error) => errors.push(error));
    puller.pull();
    puller.pull();
    await fake.settle(new Error('UNAVAILABLE'));
    expect(errors).toHaveLength(1);
    expect(fake.waiting()).toBe(0);
    puller.pull();
    expect(fake.runs()).toBe(2);
  });

  it('starts nothing after stop, and keeps quiet about a run that fails after it', async () => {
    const fake = controlledFetch();
    const errors: unknown[] = [];
    const puller = coalescedPull(fake.fetch, (error) => errors.push(error));
    puller.pull();
    puller.pull();
    puller.stop();
    await fake.settle(new Error('late'));
    puller.pull();
    expect(fake.runs()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('live pulls with a gap', () => {
  it('starts runs at least the gap apart, folding the notices in between into one run', async () => {
    const fake = controlledFetch();
    const puller = coalescedPull(fake.fetch, () => undefined, 80);
    puller.pull();
    await fake.settle(false);
    puller.pull();
    puller.pull();
    expect(fake.runs()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(fake.runs()).toBe(2);
    await fake.settle(false);
    puller.stop();
  });

  it('catches up at once after a full page, whatever the gap', async () => {
    const fake = controlledFetch();
    const puller = coalescedPull(fake.fetch, () => undefined, 10_000);
    puller.pull();
    await fake.settle(true);
    expect(fake.runs()).toBe(2);
    await fake.settle(false);
    puller.pull();
    expect(fake.runs()).toBe(2);
    puller.stop();
  });
});
