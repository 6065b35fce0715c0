/**
 * Appends items one by one. `target.push(...items)` passes every item as an argument and
 * throws a RangeError past about 120,000 of them; a 100,000-node workflow can have more
 * problems than that.
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
