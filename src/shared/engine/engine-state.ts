import type { AgentCatalogEntry } from './protocol';

/**
 * How the console sees an Engine right now:
 * - connecting: never reached yet since the client started;
 * - connected: handshake done, events flowing;
 * - reconnecting: the link dropped; the client retries with backoff and the Engine keeps
 *   running the nodes and the events for this console;
 * - down: unreachable for longer than the loss delay (its nodes were declared lost; retries
 *   go on), or it refused the handshake (`refused`; no retries).
 */
export const ENGINE_LINK_STATUSES = ['connecting', 'connected', 'reconnecting', 'down'] as const;
export type EngineLinkStatus = (typeof ENGINE_LINK_STATUSES)[number];

export interface EngineState {
  /** The endpoint as configured (its name, or its URL). */
  endpoint: string;
  url: string;
  /** The Engine's own id, known after the first handshake. */
  engineId: string | null;
  status: EngineLinkStatus;
  /** When the status last changed (ms since the epoch). */
  since: number;
  /** Round trip of the last ping, in milliseconds. */
  latencyMs: number | null;
  capacity: number;
  /** Nodes the Engine says it runs. */
  running: number;
  /** running / capacity, as the Engine reports it. */
  load: number;
  catalog: AgentCatalogEntry[];
  /** Skills the Engine advertises, with those its endpoint settings add. */
  skills: string[];
  /** Why the link is not connected, in words for the operator. */
  lastError: string | null;
  /** The Engine refused the handshake; the client will not retry until reconfigured. */
  refused: boolean;
}
