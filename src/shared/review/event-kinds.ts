import { matchReason } from '../task/reason-wordings';
import type { CausedTransition } from './transition-history';

/**
 * The kinds of event replay can jump to and pause at. Each is told from a transition's
 * trigger and reason, here only, so that a kind (an inject, say) is added in one place.
 */
export const REPLAY_EVENT_KINDS = ['failure', 'manual', 'inject', 'operator'] as const;
export type ReplayEventKind = (typeof REPLAY_EVENT_KINDS)[number];

export interface EventContext {
  /** Whether the node is a manual step (a person approves or rejects it). */
  isManual: (nodeId: string) => boolean;
}

/** Reasons whose wording key starts so are recorded by a fired inject. */
const INJECT_REASON_PREFIX = 'inject';

const ENDINGS: ReadonlySet<string> = new Set(['completed', 'failed']);

function isInject(reason: string | null): boolean {
  if (reason === null) return false;
  return matchReason(reason)?.key.startsWith(INJECT_REASON_PREFIX) ?? false;
}

const MATCHERS: Record<ReplayEventKind, (transition: CausedTransition, context: EventContext) => boolean> = {
  failure: (transition) => transition.to === 'failed' && transition.from !== 'failed',
  // A person's approve or reject ends the running step; a timeout is nobody's decision.
  manual: (transition, context) => transition.from === 'running' && ENDINGS.has(transition.to) && transition.trigger !== 'timeout' && context.isManual(transition.nodeId),
  inject: (transition) => isInject(transition.reason),
  operator: (transition) => transition.trigger === 'user',
};

/** Every kind of event one transition is (a rejection is both a manual decision and an operator's action). */
export function eventKindsOf(transition: CausedTransition, context: EventContext): ReplayEventKind[] {
  return REPLAY_EVENT_KINDS.filter((kind) => MATCHERS[kind](transition, context));
}

export type EventTimes = Record<ReplayEventKind, readonly number[]>;

/** For each kind, the distinct moments it happened, ascending. */
export function eventTimes(transitions: readonly CausedTransition[], context: EventContext): EventTimes {
  const sets = new Map<ReplayEventKind, Set<number>>(REPLAY_EVENT_KINDS.map((kind) => [kind, new Set()]));
  for (const transition of transitions) for (const kind of eventKindsOf(transition, context)) sets.get(kind)!.add(transition.time);
  const times = {} as Record<ReplayEventKind, number[]>;
  for (const kind of REPLAY_EVENT_KINDS) times[kind] = [...sets.get(kind)!].sort((a, b) => a - b);
  return times;
}

/** The moments of any of `kinds`, ascending and distinct. */
export function timesOfKinds(times: EventTimes, kinds: Iterable<ReplayEventKind>): number[] {
  const merged = new Set<number>();
  for (const kind of kinds) for (const time of times[kind]) merged.add(time);
  return [...merged].sort((a, b) => a - b);
}

/** The first moment in `times` strictly after `at` (direction 1) or strictly before it (-1); null when none. */
export function adjacentTime(times: readonly number[], at: number, direction: -1 | 1): number | null {
  if (direction > 0) return times.find((time) => time > at) ?? null;
  for (let i = times.length - 1; i >= 0; i--) if ((times[i] as number) < at) return times[i] as number;
  return null;
}

/** The first moment in `times` in (from, to]: where playback moving from `from` to `to` must stop; null when none. */
export function firstCrossed(times: readonly number[], from: number, to: number): number | null {
  const next = adjacentTime(times, from, 1);
  return next !== null && next <= to ? next : null;
}
