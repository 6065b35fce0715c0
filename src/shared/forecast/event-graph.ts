/**
 * The critical-path method on a graph of events (a node's start, a node's end), generalized
 * to the two joins a deduction has: an event at the latest of its arcs (join "all", a container
 * ending after its last child) or at the earliest (join "one"). Iterative throughout, so that a
 * 100,000-node chain cannot overflow the stack.
 */

export interface Arc {
  from: number;
  /** The event happens at least this long after `from`. */
  weight: number;
}

export interface GraphEvent {
  at: 'latest' | 'earliest';
  arcs: Arc[];
  /** Not before this time (now, for what has not happened yet; a pin). */
  notBefore: number;
  /** The event has happened, at this time: its arcs no longer matter. */
  happenedAt?: number;
}

export interface Schedule {
  /** Earliest time of each event. */
  time: Float64Array;
  /** The arc that decided each event's time, or -1 when its own bound or its happening did. */
  decidedBy: Int32Array;
}

export function topologicalOrder(events: readonly GraphEvent[]): number[] {
  const outgoing: number[][] = events.map(() => []);
  const waiting = new Int32Array(events.length);
  events.forEach((event, index) => {
    for (const arc of event.arcs) outgoing[arc.from]!.push(index);
    waiting[index] = event.arcs.length;
  });
  const order: number[] = [];
  for (let index = 0; index < events.length; index += 1) if (waiting[index] === 0) order.push(index);
  for (let cursor = 0; cursor < order.length; cursor += 1) {
    for (const next of outgoing[order[cursor]!]!) {
      const left = waiting[next]! - 1;
      waiting[next] = left;
      if (left === 0) order.push(next);
    }
  }
  if (order.length !== events.length) throw new Error('the forecast graph has a cycle; a validated workflow cannot');
  return order;
}

export function forwardPass(events: readonly GraphEvent[]): Schedule & { order: number[] } {
  const order = topologicalOrder(events);
  const time = new Float64Array(events.length);
  const decidedBy = new Int32Array(events.length).fill(-1);
  for (const index of order) {
    const event = events[index]!;
    if (event.happenedAt !== undefined) {
      time[index] = event.happenedAt;
      continue;
    }
    let best = event.at === 'latest' ? -Infinity : Infinity;
    let arcIndex = -1;
    event.arcs.forEach((arc, position) => {
      const candidate = time[arc.from]! + arc.weight;
      if (event.at === 'latest' ? candidate > best : candidate < best) {
        best = candidate;
        arcIndex = position;
      }
    });
    if (arcIndex === -1 || best < event.notBefore) {
      time[index] = event.notBefore;
      decidedBy[index] = -1;
    } else {
      time[index] = best;
      decidedBy[index] = arcIndex;
    }
  }
  return { time, decidedBy, order };
}

/**
 * The latest time each event may happen without moving `sink`. An "earliest" event waits on
 * only the arc that decided it: delaying any other source changes nothing until it overtakes.
 * Events that happened, and those that cannot move the sink, stay at +Infinity.
 */
export function backwardPass(events: readonly GraphEvent[], schedule: Schedule & { order: number[] }, sink: number): Float64Array {
  const latest = new Float64Array(events.length).fill(Infinity);
  latest[sink] = schedule.time[sink]!;
  for (let cursor = schedule.order.length - 1; cursor >= 0; cursor -= 1) {
    const index = schedule.order[cursor]!;
    const event = events[index]!;
    if (event.happenedAt !== undefined || latest[index] === Infinity) continue;
    event.arcs.forEach((arc, position) => {
      if (event.at === 'earliest' && position !== schedule.decidedBy[index]) return;
      latest[arc.from] = Math.min(latest[arc.from]!, latest[index]! - arc.weight);
    });
  }
  return latest;
}

/** The events that decided `sink`'s time, first to last, following each event's deciding arc. */
export function decidingChain(events: readonly GraphEvent[], schedule: Schedule, sink: number): number[] {
  const chain: number[] = [];
  for (let index = sink; index !== -1; ) {
    chain.push(index);
    const arc = schedule.decidedBy[index]!;
    index = arc === -1 ? -1 : events[index]!.arcs[arc]!.from;
  }
  return chain.reverse();
}
