import type { EngineLinkStatus, EngineState } from '../../../../shared/engine/engine-state';

export type Tone = 'ok' | 'warning' | 'critical' | 'muted';

/** Above this round trip an operator should know the link is slow. */
export const SLOW_LATENCY_MS = 500;

const STATUS_TONE: Record<EngineLinkStatus, Tone> = {
  connected: 'ok',
  connecting: 'muted',
  reconnecting: 'warning',
  down: 'critical',
};

export interface EngineCard {
  key: string;
  name: string;
  /** Shown under the name when the endpoint is named apart from its URL. */
  url: string | null;
  engineId: string | null;
  status: EngineLinkStatus;
  statusTone: Tone;
  since: number;
  latencyMs: number | null;
  latencyTone: Tone;
  running: number;
  capacity: number;
  /** 0–100, for the load bar. */
  loadPercent: number;
  loadTone: Tone;
  problem: string | null;
  refused: boolean;
  /** Skills it advertises (and those the settings lend it). */
  skills: string[];
}

function loadTone(load: number): Tone {
  if (load >= 1) return 'critical';
  if (load >= 0.8) return 'warning';
  return 'ok';
}

export function engineCard(state: EngineState): EngineCard {
  const load = state.capacity > 0 ? state.running / state.capacity : state.load;
  const live = state.status === 'connected';
  return {
    key: `${state.endpoint}\n${state.url}`,
    name: state.endpoint,
    url: state.url === state.endpoint ? null : state.url,
    engineId: state.engineId,
    status: state.status,
    statusTone: STATUS_TONE[state.status],
    since: state.since,
    latencyMs: live ? state.latencyMs : null,
    latencyTone: !live || state.latencyMs === null ? 'muted' : state.latencyMs > SLOW_LATENCY_MS ? 'warning' : 'ok',
    running: state.running,
    capacity: state.capacity,
    loadPercent: Math.round(Math.min(1, Math.max(0, Number.isFinite(load) ? load : 0)) * 100),
    loadTone: live ? loadTone(load) : 'muted',
    problem: live ? null : state.lastError,
    refused: state.refused,
    skills: state.skills,
  };
}

export interface EngineSummary {
  connected: number;
  total: number;
  /** The worst status tone among them, for the heading. */
  tone: Tone;
}

const TONE_RANK: Record<Tone, number> = { muted: 0, ok: 1, warning: 2, critical: 3 };

export function engineSummary(cards: readonly EngineCard[]): EngineSummary {
  const tone = cards.reduce<Tone>((worst, card) => (TONE_RANK[card.statusTone] > TONE_RANK[worst] ? card.statusTone : worst), 'muted');
  return { connected: cards.filter((card) => card.status === 'connected').length, total: cards.length, tone: cards.length === 0 ? 'muted' : tone };
}
