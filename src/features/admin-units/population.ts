/**
 * Generated populations, deterministic from the unit code, for units whose census figures we do not ship.
 * Every such figure is stored with population_source = 'generated' and shown as such.
 */

/** FNV-1a: a stable, fast hash of the code so that every run generates the same figures. */
export function hashCode(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A commune's population: wards are denser than rural communes. Ranges follow the 2019 census orders of
 * magnitude (rural communes ≈ 2,000–9,000 people; wards and townships ≈ 6,000–20,000).
 */
export function generatedPopulation(code: string, kind: string): number {
  const urban = kind === 'phuong' || kind === 'thi-tran';
  const [low, high] = urban ? [6000, 20000] : [2000, 9000];
  return low + (hashCode(code) % (high - low));
}

/** Splits a commune's population over n villages with stable, uneven shares that add up exactly. */
export function splitPopulation(total: number, parts: number, seed: string): number[] {
  const weights = Array.from({ length: parts }, (_, i) => 1 + (hashCode(`${seed}:${i}`) % 100) / 50);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  shares[0]! += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}
