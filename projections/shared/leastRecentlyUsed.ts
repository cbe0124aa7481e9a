/**
 * A map of at most `capacity` entries that forgets the least recently used one first: what a
 * writer remembers between batches without growing with the ledger. A value may be
 * `undefined` (remembered as absent); `has` tells it from a forgotten key.
 */
export class LeastRecentlyUsed<Value> {
  /** A Map iterates in insertion order: re-inserting on use keeps the oldest first. */
  private readonly entries = new Map<string, Value>();

  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value, counted as a use. */
  get(key: string): Value | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as Value;
    this.set(key, value);
    return value;
  }

  set(key: string, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
