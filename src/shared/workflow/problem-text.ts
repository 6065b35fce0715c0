/** Wording helpers shared by the validator's messages. */

/** A node id as messages quote it: "red-1", "红方" (ids may hold spaces and any script). */
export function nodeRef(id: string): string {
  return JSON.stringify(id);
}

/** Quoted ids joined by `separator`, abbreviated when long. */
export function chain(ids: readonly string[], separator: string): string {
  return abbreviate(ids.map(nodeRef)).join(separator);
}

/** A long list keeps its ends and says how many items were left out of its middle. */
export function abbreviate(items: readonly string[], keep = 12): string[] {
  if (items.length <= keep) return [...items];
  return [...items.slice(0, keep - 3), `… ${items.length - keep} more …`, ...items.slice(items.length - 3)];
}
