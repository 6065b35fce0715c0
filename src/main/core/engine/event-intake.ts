import { ENGINE_LIMITS, engineEventSchema, eventEnvelopeSchema, type EngineEvent } from '../../../shared/engine/protocol';
import type { Logger } from '../../../shared/logger';

const KNOWN_TYPES: ReadonlySet<string> = new Set(engineEventSchema.options.map((option) => option.shape.type.value));
/** Event types whose size the schema does not bound (results, catalogs). */
const UNBOUNDED_TYPES: ReadonlySet<string> = new Set(['node.status', 'engine.heartbeat']);

export interface Intake {
  /** Valid, new events, stamped with the Engine's id and their sequence number. */
  events: EngineEvent[];
  /** The highest sequence number seen, ingested or skipped; what the console acknowledges. */
  lastSeq: number;
  /** Events at or below the cursor: replays of what was already ingested. */
  duplicates: number;
  /** Malformed, oversized or unknown events skipped. */
  rejected: number;
}

/**
 * Checks one envelope from an Engine: its stream must be the current one; events at or below
 * `lastSeq` are duplicates (replays) and are skipped; each remaining event is validated on its
 * own, and a malformed, oversized or unknown one is logged and skipped (its number still
 * counts, so it is acknowledged and not sent again). Returns null for an envelope to ignore.
 */
export function takeEnvelope(raw: unknown, stream: string | null, lastSeq: number, engineId: string, logger: Logger, label: string): Intake | null {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    logger.warn(`${label}: malformed event envelope ignored: ${issue.path.join('.') || '(envelope)'}: ${issue.message}`);
    return null;
  }
  if (envelope.data.stream !== stream) {
    logger.warn(`${label}: events of stream ${envelope.data.stream.slice(0, 100)} ignored: the current stream is ${stream ?? 'not yet known'}`);
    return null;
  }
  const events: EngineEvent[] = [];
  let last = lastSeq;
  let duplicates = 0;
  let rejected = 0;
  for (const { seq, event } of envelope.data.events) {
    if (seq <= last) {
      duplicates++;
      continue;
    }
    last = seq;
    const accepted = acceptEvent(event, seq, logger, label);
    if (!accepted) {
      rejected++;
      continue;
    }
    if (accepted.type !== 'engine.heartbeat') {
      accepted.engineId = engineId;
      accepted.seq = seq;
    }
    events.push(accepted);
  }
  return { events, lastSeq: last, duplicates, rejected };
}

function acceptEvent(raw: unknown, seq: number, logger: Logger, label: string): EngineEvent | null {
  const parsed = engineEventSchema.safeParse(raw);
  const type = (raw as { type?: unknown } | null)?.type;
  if (!parsed.success) {
    if (typeof type === 'string' && !KNOWN_TYPES.has(type)) {
      logger.warn(`${label}: event ${seq} of unknown type "${type.slice(0, 100)}" ignored`);
    } else {
      const issue = parsed.error.issues[0]!;
      logger.warn(`${label}: malformed ${typeof type === 'string' ? type : 'event'} ${seq} ignored: ${issue.path.join('.') || '(event)'}: ${issue.message}`);
    }
    return null;
  }
  if (UNBOUNDED_TYPES.has(parsed.data.type)) {
    const size = JSON.stringify(raw).length;
    if (size > ENGINE_LIMITS.maxEventBytes) {
      logger.warn(`${label}: ${parsed.data.type} ${seq} of ${size} bytes ignored: the limit is ${ENGINE_LIMITS.maxEventBytes} bytes`);
      return null;
    }
  }
  return parsed.data;
}
