import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, record, recordFrom, redo, replacePresent, seal, undo } from '../../../src/renderer/src/editor/model/history';

describe('undo history', () => {
  it('undoes and redoes edits in order', () => {
    let history = createHistory('a');
    history = record(history, 'b');
    history = record(history, 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    history = redo(redo(history));
    expect(history.present).toBe('c');
    expect(canRedo(history)).toBe(false);
  });

  it('drops the redo branch when a new edit is made after undoing', () => {
    let history = record(record(createHistory('a'), 'b'), 'c');
    history = record(undo(history), 'd');
    expect(history.present).toBe('d');
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present).toBe('b');
  });

  it('merges a stream of edits with the same key into one undo step until sealed', () => {
    let history = createHistory('');
    for (const text of ['h', 'he', 'hel', 'hell', 'hello']) history = record(history, text, 'name');
    expect(history.past).toEqual(['']);
    history = record(seal(history), 'hello!', 'name');
    expect(history.past).toEqual(['', 'hello']);
    history = record(history, 'x', 'other');
    expect(undo(history).present).toBe('hello!');
  });

  it('ignores a record of the same value and keeps at most the limit of past steps', () => {
    const start = createHistory(0);
    expect(record(start, 0)).toBe(start);
    let history = start;
    for (let i = 1; i <= HISTORY_LIMIT + 10; i += 1) history = record(history, i);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(10);
  });
});

describe('gestures', () => {
  it('shows a drag as it happens and makes it one undo step when it ends', () => {
    let history = createHistory('start');
    const origin = history.present;
    for (const step of ['x1', 'x2', 'x3']) history = replacePresent(history, step);
    expect(history.past).toEqual([]);
    history = recordFrom(history, origin);
    expect(history.present).toBe('x3');
    expect(undo(history).present).toBe('start');
  });

  it('adds no step for a gesture that changed nothing', () => {
    const history = createHistory('same');
    expect(recordFrom(replacePresent(history, 'same'), 'same').past).toEqual([]);
  });
});
