import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckPacer } from '../../../../src/main/core/engine/ack-pacer';

afterEach(() => {
  vi.useRealTimers();
});

describe('AckPacer', () => {
  it('acks a new stream at once, then sends one ack for the batches of a moment: the latest, once the delay has passed', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const pacer = new AckPacer((stream, seq) => sent.push(`${stream}:${seq}`), 100, 20);
    pacer.ack('s', 3);
    expect(sent).toEqual(['s:3']);
    pacer.ack('s', 7);
    pacer.ack('s', 9);
    expect(sent).toEqual(['s:3']);
    vi.advanceTimersByTime(20);
    expect(sent).toEqual(['s:3', 's:9']);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['s:3', 's:9']);
  });

  it('sends at once when enough events are unacknowledged, when the stream changes, and on flush', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const pacer = new AckPacer((stream, seq) => sent.push(`${stream}:${seq}`), 100, 20);
    pacer.ack('s', 150);
    expect(sent).toEqual(['s:150']);
    pacer.ack('s', 200);
    expect(sent).toEqual(['s:150']);
    pacer.ack('s', 250);
    expect(sent).toEqual(['s:150', 's:250']);
    pacer.ack('s', 260);
    pacer.ack('t', 1);
    expect(sent).toEqual(['s:150', 's:250', 's:260', 't:1']);
    pacer.ack('t', 5);
    pacer.flush();
    expect(sent.at(-1)).toBe('t:5');
    pacer.ack('t', 6);
    pacer.close();
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)).toBe('t:5');
  });
});
