import { describe, expect, it } from 'vitest';
import {
  appendNewer,
  applyLive,
  compareIds,
  EMPTY_WINDOW,
  liveCursor,
  markSeen,
  newerCursor,
  olderCursor,
  openAtHead,
  openAtTail,
  prependOlder,
} from '../../../../src/renderer/src/logs/model/log-window';
import { ids, page, range } from './lines';

describe('the bounded log window', () => {
  it('compares 64-bit decimal ids exactly', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(compareIds('123', '123')).toBe(0);
  });

  it('opens at the tail from a backward page, oldest first, with the cursors of both ends', () => {
    const window = openAtTail(page(range(90, 100).reverse(), true));
    expect(ids(window.lines)).toEqual(range(90, 100).map((_, index) => 90 + index));
    expect(window.hasOlder).toBe(true);
    expect(window.hasNewer).toBe(false);
    expect(olderCursor(window)).toBe('1090');
    expect(newerCursor(window)).toBe('1099');
    expect(liveCursor(window)).toBe('1099');
  });

  it('opens at the head from a forward page; an empty result asks live lines from the start', () => {
    const head = openAtHead(page(range(0, 10), true));
    expect(head.hasOlder).toBe(false);
    expect(head.hasNewer).toBe(true);
    expect(olderCursor(head)).toBeNull();
    expect(liveCursor(EMPTY_WINDOW)).toBeUndefined();
    expect(liveCursor(openAtTail(page([], false)))).toBeUndefined();
  });

  it('prepends older pages and drops the newest lines past the bound', () => {
    let window = openAtTail(page(range(90, 100).reverse(), true));
    const change = prependOlder(window, page(range(80, 90).reverse(), true), 15);
    window = change.window;
    expect(change.prepended).toBe(10);
    expect(ids(window.lines)).toEqual([...Array(15).keys()].map((index) => 80 + index));
    expect(window.hasOlder).toBe(true);
    expect(window.hasNewer).toBe(true);
    expect(newerCursor(window)).toBe('1094');
    const last = prependOlder(window, page(range(75, 80).reverse(), false), 100);
    expect(last.window.hasOlder).toBe(false);
    expect(olderCursor(last.window)).toBeNull();
  });

  it('appends newer pages, dropping the oldest past the bound and reporting how many fell off', () => {
    const window = openAtHead(page(range(0, 10), true));
    const change = appendNewer(window, page(range(10, 20), true), 15);
    expect(change.dropped).toBe(5);
    expect(ids(change.window.lines)).toEqual([...Array(15).keys()].map((index) => 5 + index));
    expect(change.window.hasOlder).toBe(true);
    expect(change.window.hasNewer).toBe(true);
    const end = appendNewer(change.window, page(range(20, 25), false), 100);
    expect(end.window.hasNewer).toBe(false);
    expect(end.window.tailId).toBe('1024');
  });

  it('never holds a line twice when pages overlap the window', () => {
    const window = openAtTail(page(range(10, 20).reverse(), true));
    expect(ids(appendNewer(window, page(range(15, 25), false)).window.lines)).toEqual([...Array(15).keys()].map((index) => 10 + index));
    expect(ids(prependOlder(window, page(range(5, 15).reverse(), false)).window.lines)).toEqual([...Array(15).keys()].map((index) => 5 + index));
  });

  it('follows the tail live: new lines join, old ones fall off, nothing is unseen', () => {
    const window = openAtTail(page(range(0, 10).reverse(), false));
    const change = applyLive(window, page(range(10, 14), false), true, 12);
    expect(ids(change.window.lines)).toEqual([...Array(12).keys()].map((index) => 2 + index));
    expect(change.dropped).toBe(2);
    expect(change.window.unseen).toBe(0);
    expect(change.window.hasNewer).toBe(false);
    expect(liveCursor(change.window)).toBe('1013');
  });

  it('paused, keeps new lines below while there is room, then only counts them', () => {
    const window = openAtTail(page(range(0, 10).reverse(), false));
    const roomy = applyLive(window, page(range(10, 14), false), false, 16).window;
    expect(ids(roomy.lines).at(-1)).toBe(13);
    expect(roomy.unseen).toBe(4);
    const full = applyLive(roomy, page(range(14, 20), false), false, 16).window;
    expect(full.lines).toHaveLength(14);
    expect(full.hasNewer).toBe(true);
    expect(full.unseen).toBe(10);
    expect(liveCursor(full)).toBe('1019');
    const more = applyLive(full, page(range(20, 22), false), false, 16).window;
    expect(more.unseen).toBe(12);
    expect(more.lines).toHaveLength(14);
    expect(markSeen(more)).toBe(more);
    const caughtUp = appendNewer(more, page(range(14, 22), false), 100).window;
    expect(caughtUp.hasNewer).toBe(false);
    expect(markSeen(caughtUp).unseen).toBe(0);
  });

  it('keeps the counted tail while pages remain, and trusts a page that reached the end', () => {
    const window = { ...openAtTail(page(range(0, 10).reverse(), false)), hasNewer: true, tailId: '1030' };
    const partway = appendNewer(window, page(range(10, 15), true)).window;
    expect(partway.hasNewer).toBe(true);
    expect(liveCursor(partway)).toBe('1030');
    const end = appendNewer(partway, page(range(15, 20), false)).window;
    expect(end.hasNewer).toBe(false);
    expect(liveCursor(end)).toBe('1019');
  });

  it('ignores an empty live page', () => {
    const window = openAtTail(page(range(0, 3).reverse(), false));
    expect(applyLive(window, page([], false), false).window).toBe(window);
  });
});
