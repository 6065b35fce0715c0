/** A time of ours (ms since the epoch) as the REST API writes every time: ISO 8601 in UTC. */
export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
