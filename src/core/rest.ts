/**
 * Between two short transactions of background work: a turn of the event loop (ms < 1), or a rest of `ms`
 * (at most a second) during which other writers take SQLite's one write lock.
 */
export const rest = (ms: number) =>
  new Promise<void>((resolve) => (ms >= 1 ? setTimeout(resolve, Math.min(ms, 1000)) : setImmediate(resolve)));
