/**
 * A small in-process cache whose entries live at most `ttlMs`, bounded to `limit` entries (oldest out).
 * Writers in this process delete what they change; the TTL bounds staleness when several server processes
 * share one PostgreSQL database.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly limit = 10_000,
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: K, value: V, now = Date.now()) {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: K) {
    this.entries.delete(key);
  }

  deleteWhere(predicate: (value: V) => boolean) {
    for (const [key, entry] of this.entries) if (predicate(entry.value)) this.entries.delete(key);
  }
}

/** One cache per owner object (a database handle), created on first use. */
export function cachePerOwner<O extends object, K, V>(ttlMs: number, limit?: number) {
  const caches = new WeakMap<O, TtlCache<K, V>>();
  return (owner: O) => {
    let cache = caches.get(owner);
    if (!cache) {
      cache = new TtlCache<K, V>(ttlMs, limit);
      caches.set(owner, cache);
    }
    return cache;
  };
}
