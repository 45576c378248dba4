import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { type ChainLayout, layoutChains, parentIndexes } from '../rules/chain-layout.ts';
import type { ChainGraph } from './chains-api.ts';

/** World units: one slot is SLOT px wide, one generation ROW px high, at scale 1. */
const SLOT = 28;
const ROW = 56;
const RADIUS = 9;
const COLORS: Record<string, string> = { treating: '#c62828', recovered: '#2e7d32', died: '#212121' };
const OUTSIDE = '#9e9e9e';

export interface ChainView {
  /** Index of each node's parent in the graph's arrays (-1: a root). */
  parent: Int32Array;
  layout: ChainLayout;
}

export function chainView(graph: ChainGraph): ChainView {
  const sourceOf = new Map<number, number>();
  for (let i = 0; i < graph.edges.length; i += 2) sourceOf.set(graph.edges[i + 1]!, graph.edges[i]!);
  const parent = parentIndexes(
    graph.nodes.id,
    graph.nodes.id.map((id) => sourceOf.get(id) ?? null),
  );
  return { parent, layout: layoutChains(parent) };
}

export interface ChainCanvasHandle {
  /** Centres the view on a node, close enough to tap it. */
  focus(index: number): void;
  showAll(): void;
  zoom(factor: number): void;
}

interface Props {
  graph: ChainGraph;
  view: ChainView;
  selected: number | null;
  onSelect: (index: number) => void;
  label: string;
}

/**
 * The transmission graph on one canvas: a tidy layered layout (rules/chain-layout.ts), drawn with only the
 * nodes in view, labels once they are large enough; pan with a finger or the mouse, pinch or wheel to zoom,
 * a tap opens the nearest case. No library: 5,000 dots and lines are a few canvas calls per frame.
 */
export const ChainCanvas = forwardRef<ChainCanvasHandle, Props>(function ChainCanvas(
  { graph, view, selected, onSelect, label },
  ref,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const t = useRef({ s: 1, x: 0, y: 0 });
  const frame = useRef(0);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const { layout, parent } = view;

  const draw = useCallback(() => {
    frame.current = 0;
    const c = canvas.current;
    if (!c) return;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const { s, x: tx, y: ty } = t.current;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const px = (i: number) => layout.x[i]! * SLOT * s + tx;
    const py = (i: number) => layout.y[i]! * ROW * s + ty;
    const r = Math.max(1.5, RADIUS * s);
    const margin = r + 2;
    const n = graph.nodes.id.length;
    const visible = (x: number, y: number) => x > -margin && x < w + margin && y > -margin && y < h + margin;
    // Edges in one path.
    ctx.strokeStyle = '#90a4ae';
    ctx.lineWidth = Math.max(0.5, 1.5 * Math.min(s, 1));
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      if (p < 0) continue;
      const x1 = px(p);
      const y1 = py(p);
      const x2 = px(i);
      const y2 = py(i);
      if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > w || Math.max(y1, y2) < 0 || Math.min(y1, y2) > h)
        continue;
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
    // Nodes, one path per colour.
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const x = px(i);
      const y = py(i);
      if (!visible(x, y)) continue;
      const color = graph.nodes.inWindow[i] ? (COLORS[graph.nodes.status[i]!] ?? OUTSIDE) : OUTSIDE;
      const list = groups.get(color);
      if (list) list.push(i);
      else groups.set(color, [i]);
    }
    for (const [color, list] of groups) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const i of list) {
        const x = px(i);
        const y = py(i);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
      }
      ctx.fill();
    }
    // Source unknown: a thick ring round the chain's first case.
    if (r >= 4) {
      ctx.strokeStyle = '#ff8f00';
      ctx.lineWidth = Math.max(2, r / 3);
      ctx.beginPath();
      for (const list of groups.values())
        for (const i of list)
          if (parent[i]! < 0 && graph.nodes.inWindow[i]) {
            ctx.moveTo(px(i) + r + 2, py(i));
            ctx.arc(px(i), py(i), r + 2, 0, Math.PI * 2);
          }
      ctx.stroke();
    }
    const sel = selectedRef.current;
    if (sel !== null && sel < n) {
      ctx.strokeStyle = '#1565c0';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(px(sel), py(sel), r + 5, 0, Math.PI * 2);
      ctx.stroke();
    }
    if (r >= 8) {
      ctx.fillStyle = '#263238';
      ctx.font = `${Math.min(14, Math.round(r))}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const list of groups.values())
        for (const i of list)
          ctx.fillText(graph.nodes.label[i] ?? `#${graph.nodes.id[i]}`, px(i), py(i) + r + 3);
    }
    c.dataset.ready = '1';
  }, [graph, layout, parent]);

  const redraw = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  const showAll = useCallback(() => {
    const c = canvas.current;
    if (!c) return;
    const w = c.clientWidth;
    const h = c.clientHeight;
    const gw = (layout.width + 1) * SLOT;
    const gh = (layout.height + 1) * ROW;
    const s = Math.min(2, w / gw, Math.max(h / gh, (w / gw) * 0.5));
    t.current = { s, x: (w - layout.width * SLOT * s) / 2, y: RADIUS * 2 * Math.max(s, 0.3) };
    redraw();
  }, [layout, redraw]);

  const zoomAt = useCallback(
    (factor: number, cx: number, cy: number) => {
      const cur = t.current;
      const s = Math.min(4, Math.max(0.02, cur.s * factor));
      const k = s / cur.s;
      t.current = { s, x: cx - (cx - cur.x) * k, y: cy - (cy - cur.y) * k };
      redraw();
    },
    [redraw],
  );

  useImperativeHandle(
    ref,
    () => ({
      focus(i: number) {
        const c = canvas.current;
        if (!c) return;
        const s = Math.max(t.current.s, 1.2);
        t.current = {
          s,
          x: c.clientWidth / 2 - layout.x[i]! * SLOT * s,
          y: c.clientHeight / 2 - layout.y[i]! * ROW * s,
        };
        redraw();
      },
      showAll,
      zoom(factor: number) {
        const c = canvas.current;
        if (c) zoomAt(factor, c.clientWidth / 2, c.clientHeight / 2);
      },
    }),
    [showAll, layout, redraw, zoomAt],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new graph is fitted once
  useEffect(() => {
    showAll();
  }, [graph]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection is read when drawing
  useEffect(() => redraw(), [selected, redraw]);
  useEffect(() => {
    const onResize = () => redraw();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      if (frame.current) cancelAnimationFrame(frame.current);
    };
  }, [redraw]);

  // The wheel zooms the graph, not the page (a passive React listener could not stop the page's scroll).
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = c.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - rect.left, e.clientY - rect.top);
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  // Pointers: one drags, two pinch; a short press that barely moved is a tap.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef({ moved: 0, start: 0, pinch: 0 });
  const nearest = (cx: number, cy: number) => {
    const { s, x: tx, y: ty } = t.current;
    const reach = Math.max(RADIUS * s + 8, 14);
    let best = -1;
    let bestD = reach * reach;
    for (let i = 0; i < graph.nodes.id.length; i++) {
      const dx = layout.x[i]! * SLOT * s + tx - cx;
      const dy = layout.y[i]! * ROW * s + ty - cy;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  };
  const local = (e: { clientX: number; clientY: number }) => {
    const rect = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  return (
    <canvas
      ref={canvas}
      className="chain-canvas"
      role="img"
      aria-label={label}
      data-testid="chain-canvas"
      onPointerDown={(e) => {
        canvas.current?.setPointerCapture(e.pointerId);
        pointers.current.set(e.pointerId, local(e));
        if (pointers.current.size === 1) gesture.current = { moved: 0, start: Date.now(), pinch: 0 };
      }}
      onPointerMove={(e) => {
        const before = pointers.current.get(e.pointerId);
        if (!before) return;
        const now = local(e);
        if (pointers.current.size === 1) {
          t.current = { ...t.current, x: t.current.x + now.x - before.x, y: t.current.y + now.y - before.y };
          gesture.current.moved += Math.abs(now.x - before.x) + Math.abs(now.y - before.y);
          pointers.current.set(e.pointerId, now);
          redraw();
          return;
        }
        pointers.current.set(e.pointerId, now);
        const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
        const dist = Math.hypot(a.x - b.x, a.y - b.y);
        if (gesture.current.pinch) zoomAt(dist / gesture.current.pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
        gesture.current.pinch = dist;
        gesture.current.moved += 100;
      }}
      onPointerUp={(e) => {
        const p = pointers.current.get(e.pointerId);
        pointers.current.delete(e.pointerId);
        if (pointers.current.size < 2) gesture.current.pinch = 0;
        if (
          p &&
          pointers.current.size === 0 &&
          gesture.current.moved < 8 &&
          Date.now() - gesture.current.start < 800
        ) {
          const i = nearest(p.x, p.y);
          if (i >= 0) onSelect(i);
        }
      }}
      onPointerCancel={(e) => pointers.current.delete(e.pointerId)}
    />
  );
});

/** The chains' roots by size, largest first. */
export function largestChains(view: ChainView, max: number): { index: number; size: number }[] {
  return [...view.layout.chainSize.entries()]
    .map(([index, size]) => ({ index, size }))
    .filter((c) => c.size > 1)
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .slice(0, max);
}

export function useChainView(graph: ChainGraph | undefined) {
  return useMemo(() => (graph ? chainView(graph) : null), [graph]);
}
