/** A map that forgets its oldest entries beyond a bound: memory for "seen lately" checks. */
export class RecentMap<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  has(key: string): boolean {
    return this.map.has(key);
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  values(): V[] {
    return [...this.map.values()];
  }

  clear(): void {
    this.map.clear();
  }
}
