/** A seeded pseudo-random source: the same seed always yields the same data set. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A version-4-shaped UUID drawn from this source (deterministic, unlike crypto.randomUUID). */
  uuid(): string;
}

/** mulberry32: tiny, fast and good enough for test data (not for secrets). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex8 = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const word = () => Math.floor(next() * 4294967296);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample(items, count) {
      // Partial Fisher-Yates over a copy: O(count) swaps.
      const copy = [...items];
      const take = Math.min(count, copy.length);
      for (let i = 0; i < take; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, take);
    },
    uuid() {
      const a = hex8(word());
      const b = hex8((word() & 0xffff0fff) | 0x00004000); // version 4
      const c = hex8((word() & 0x3fffffff) | 0x80000000); // RFC 4122 variant
      const d = hex8(word());
      return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
    },
  };
  return random;
}

/**
 * Picks indexes by weight in O(log n): the cumulative weights are built once.
 * Used for the skewed (Zipf-like) spread of messages across channels.
 */
export function weightedPicker(weights: readonly number[], random: Random): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}
