/** A set that forgets its oldest keys beyond a bound: memory for "seen lately" checks. */
export class RecentKeys {
  private readonly set = new Set<string>();

  constructor(private readonly max: number) {}

  has(key: string): boolean {
    return this.set.has(key);
  }

  add(key: string): void {
    this.set.delete(key);
    this.set.add(key);
    if (this.set.size > this.max) this.set.delete(this.set.values().next().value!);
  }

  delete(key: string): void {
    this.set.delete(key);
  }

  keys(): string[] {
    return [...this.set];
  }

  clear(): void {
    this.set.clear();
  }
}
