/**
 * Transmission chains as a forest (pure; used by the server's payload and the web page's drawing).
 * Each case has at most one source case; a case whose source is not known is the root of its chain. Sources
 * that would close a loop (bad data: A infected by B infected by A) are cut so that the graph stays a forest.
 */

/** Parent index of each node (-1 for a root) from ids and their sources' ids (null = source unknown). */
export function parentIndexes(ids: readonly number[], sources: readonly (number | null)[]): Int32Array {
  const index = new Map<number, number>(ids.map((id, i) => [id, i]));
  const parent = new Int32Array(ids.length).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const s = sources[i];
    const p = s == null ? undefined : index.get(s);
    if (p !== undefined && p !== i) parent[i] = p;
  }
  // Cut loops: walk up from each node, marking the walk; meeting the walk again means a loop.
  const state = new Uint8Array(ids.length); // 0 unseen, 1 on the current walk, 2 done
  for (let i = 0; i < ids.length; i++) {
    if (state[i]) continue;
    const walk: number[] = [];
    let n = i;
    while (n >= 0 && state[n] === 0) {
      state[n] = 1;
      walk.push(n);
      n = parent[n]!;
    }
    if (n >= 0 && state[n] === 1) parent[n] = -1;
    for (const w of walk) state[w] = 2;
  }
  return parent;
}

export interface ChainLayout {
  /** Horizontal slot of each node (one slot = one node width). */
  x: Float64Array;
  /** Generation of each node, offset by its shelf (one unit = one generation). */
  y: Float64Array;
  /** The extent of the drawing, in the same units. */
  width: number;
  height: number;
  /** Index of each node's chain root, and the number of cases of each root's chain. */
  root: Int32Array;
  chainSize: Map<number, number>;
}

/**
 * A tidy layered layout of the forest: within a chain, generations are rows and each leaf takes the next slot,
 * a parent sits over the middle of its children; chains are packed, largest first, on shelves at most `maxWidth`
 * slots wide (default: near a square), so that thousands of small chains do not make one endless row. O(n).
 */
export function layoutChains(parent: Int32Array, maxWidth?: number): ChainLayout {
  const n = parent.length;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) childStart[parent[i]! + 1]!++;
  for (let i = 0; i < n; i++) childStart[i + 1]! += childStart[i]!;
  const children = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i;

  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i]! < 0) roots.push(i);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const root = new Int32Array(n);
  const chainSize = new Map<number, number>();
  // Per chain: relative layout (leaf slots), width and depth.
  const chains = roots.map((r) => {
    let slot = 0;
    let depth = 0;
    let size = 0;
    // Iterative post-order.
    const stack: [number, number][] = [[r, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [node, k] = top;
      if (k === 0) {
        root[node] = r;
        size++;
        const d = node === r ? 0 : y[parent[node]!]! + 1;
        y[node] = d;
        if (d > depth) depth = d;
      }
      const first = childStart[node]!;
      const count = childStart[node + 1]! - first;
      if (k < count) {
        top[1] = k + 1;
        stack.push([children[first + k]!, 0]);
        continue;
      }
      stack.pop();
      x[node] = count === 0 ? slot++ : (x[children[first]!]! + x[children[first + count - 1]!]!) / 2;
    }
    chainSize.set(r, size);
    return { r, width: slot, depth: depth + 1, size };
  });
  chains.sort((a, b) => b.size - a.size || a.r - b.r);
  const totalArea = chains.reduce((s, c) => s + c.width * c.depth, 0);
  const limit = Math.max(maxWidth ?? Math.ceil(Math.sqrt(totalArea * 2)), chains[0]?.width ?? 1);
  // Shelf packing: chains left to right, a new shelf when the row is full.
  const offsetX = new Map<number, number>();
  const offsetY = new Map<number, number>();
  let shelfX = 0;
  let shelfY = 0;
  let shelfHeight = 0;
  let width = 0;
  for (const c of chains) {
    if (shelfX > 0 && shelfX + c.width > limit) {
      shelfY += shelfHeight + 1;
      shelfX = 0;
      shelfHeight = 0;
    }
    offsetX.set(c.r, shelfX);
    offsetY.set(c.r, shelfY);
    shelfX += c.width + 1;
    shelfHeight = Math.max(shelfHeight, c.depth);
    width = Math.max(width, shelfX - 1);
  }
  for (let i = 0; i < n; i++) {
    x[i]! += offsetX.get(root[i]!)!;
    y[i]! += offsetY.get(root[i]!)!;
  }
  return { x, y, width, height: shelfY + shelfHeight, root, chainSize };
}

/**
 * Why a case cannot take this source: itself, or a source that descends from the case (the chain would loop).
 * `sourceAncestors` are the source's source, its source's source, … as far as they go.
 */
export function sourceProblem(
  caseId: number,
  sourceCaseId: number | null,
  sourceAncestors: readonly number[],
) {
  if (sourceCaseId === null) return null;
  if (sourceCaseId === caseId)
    return { vi: 'Một ca bệnh không thể là nguồn lây của chính nó.', en: 'A case cannot be its own source.' };
  if (sourceAncestors.includes(caseId))
    return {
      vi: 'Ca nguồn này bị lây (trực tiếp hay gián tiếp) từ chính ca bệnh: chuỗi lây sẽ khép vòng.',
      en: 'This source was infected (directly or not) by the case itself: the chain would loop.',
    };
  return null;
}
