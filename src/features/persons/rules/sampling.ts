/** Seeded random draws for the generator: the same seed gives the same sequence on every machine. */

export interface Weighted {
  value: string;
  weight: number;
}

/** Mulberry32: a small, fast, seedable PRNG; good enough for test data, not for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Turns u ∈ [0, 1) into an index drawn in proportion to the weights (binary search, no allocation). */
export function samplerIndex(weights: ArrayLike<number>): (u: number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i]!);
    cumulative[i] = total;
  }
  return (u) => {
    const target = u * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

export function sampler(items: readonly Weighted[]): (u: number) => string {
  const index = samplerIndex(items.map((i) => i.weight));
  return (u) => items[index(u)]!.value;
}

/** "086:5 096:8" → weighted values; compact for long tables. */
export function weightedList(text: string): Weighted[] {
  return text
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [value = '', weight = '0'] = entry.split(':');
      return { value, weight: Number(weight) };
    });
}

export function weighted(table: Record<string, number>): Weighted[] {
  return Object.entries(table).map(([value, weight]) => ({ value, weight }));
}

/** count random digits, zero-padded: digits(7, u) → "0481516". */
export function digits(count: number, u: number): string {
  const scale = 10 ** count;
  return String(scale + Math.floor(u * scale)).slice(1);
}
