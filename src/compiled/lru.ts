/**
 * A map bounded by the approximate memory of its entries (bytes as the caller estimates them),
 * dropping the least recently used first: a cache that holds as many small entries as fit rather
 * than a fixed count, so a client rotating through thousands of documents keeps them all.
 */
export class MemoryLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private used = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (key: K, value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bytes the entries are estimated to hold. */
  get bytes(): number {
    return this.used;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, marked as just used (a Map keeps insertion order: re-inserting moves it last). */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): this {
    this.delete(key);
    const bytes = this.sizeOf(key, value);
    // An entry larger than the whole budget is not kept (it would evict everything else).
    if (bytes > this.maxBytes) return this;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    return this;
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.used -= entry.bytes;
    return true;
  }
}
