/**
 * Group commit for a rush of small public writes (Tết declarations, the morning's home checks): the writes that
 * arrive while one transaction runs wait for the next one, so a burst commits in a few short transactions (one
 * audit head locked and moved, one checkpoint line) instead of one each. Each caller is answered only after the
 * commit that holds its write. Should a batch fail, its writes are made again one by one: one bad write fails
 * only its own request.
 *
 *   const submit = groupCommit<Db, Row, number>((db, rows) => db.db.transaction().execute(...ids...));
 *   const id = await submit(db, row);
 */

/** The most writes one transaction takes (a statement's parameters are bounded). */
const MOST = 400;
/**
 * How long the first write of a batch waits for others: a transaction runs on the event loop's microtasks, so
 * without a window the next requests (parsed in later turns of the loop) would never join it.
 */
const WINDOW_MS = 3;

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Batch<T, R> {
  queue: Waiting<T, R>[];
  /** A transaction runs or is about to (the window is open). */
  running: boolean;
}

/**
 * A committer per target (a database): `write(target, items)` writes the items in one transaction and answers
 * one result per item, in their order.
 */
export function groupCommit<K extends object, T, R>(write: (target: K, items: T[]) => Promise<R[]>) {
  const batches = new WeakMap<K, Batch<T, R>>();

  async function drain(target: K, b: Batch<T, R>) {
    try {
      while (b.queue.length) {
        const taken = b.queue.splice(0, MOST);
        try {
          const results = await write(
            target,
            taken.map((w) => w.item),
          );
          for (const [i, w] of taken.entries()) w.resolve(results[i]!);
        } catch {
          for (const w of taken) {
            try {
              w.resolve((await write(target, [w.item]))[0]!);
            } catch (error) {
              w.reject(error ?? new Error('not written'));
            }
          }
        }
      }
    } finally {
      b.running = false;
    }
  }

  return (target: K, item: T): Promise<R> => {
    let b = batches.get(target);
    if (!b) {
      b = { queue: [], running: false };
      batches.set(target, b);
    }
    const batch = b;
    const settled = new Promise<R>((resolve, reject) => batch.queue.push({ item, resolve, reject }));
    if (!batch.running) {
      batch.running = true;
      setTimeout(() => void drain(target, batch), WINDOW_MS);
    }
    return settled;
  };
}
