/**
 * A province's district shapes from the shipped TopoJSON (assets/reference/boundaries, GPL-3.0, a separate data
 * file), decoded (quantized, delta-encoded arcs) and projected into an SVG box: the map needs no map library and
 * no tiles, and a province's answer is a few kilobytes. Pure.
 */

interface Geometry {
  type: string;
  arcs: number[][] | number[][][];
  properties: { code: string; province?: string; name: string };
}
export interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { geometries: Geometry[] }>;
}

export interface Shape {
  code: string;
  name: string;
  /** SVG path data in the box's coordinates. */
  path: string;
}

function decodeArc(t: Topology, index: number): [number, number][] {
  const arc = t.arcs[index < 0 ? ~index : index]!;
  let x = 0;
  let y = 0;
  const points = arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [
      x * t.transform.scale[0] + t.transform.translate[0],
      y * t.transform.scale[1] + t.transform.translate[1],
    ] as [number, number];
  });
  return index < 0 ? points.reverse() : points;
}

function rings(t: Topology, g: Geometry): [number, number][][] {
  const polygons = (g.type === 'MultiPolygon' ? g.arcs : [g.arcs]) as number[][][];
  return polygons.flatMap((polygon) =>
    polygon.map((ring) => ring.flatMap((i, k) => decodeArc(t, i).slice(k === 0 ? 0 : 1))),
  );
}

/**
 * The geometries of one of the topology's objects as SVG paths in a box `width` wide (equirectangular, corrected
 * at the box's middle latitude), points rounded to `digits` decimals and repeated points dropped: a province's
 * districts keep a tenth of a pixel, the country's provinces whole pixels (≈ 1.5 km; the national answer stays
 * a few tens of kilobytes compressed). Null when nothing matches (Quảng Ninh is missing from the source).
 */
function shapesOf(
  t: Topology,
  object: 'prov' | 'dist',
  keep: (g: Geometry) => boolean,
  width: number,
  digits: number,
) {
  const geometries = (t.objects[object]?.geometries ?? []).filter(keep);
  const all = geometries.map((g) => ({ g, rings: rings(t, g) }));
  const points = all.flatMap((a) => a.rings.flat());
  if (points.length === 0) return null;
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k || 1);
  const height = Math.round((maxLat - minLat) * scale);
  const ring = (r: [number, number][]) => {
    const out: string[] = [];
    for (const [lon, lat] of r) {
      const p = `${((lon - minLon) * k * scale).toFixed(digits)},${((maxLat - lat) * scale).toFixed(digits)}`;
      if (p !== out.at(-1)) out.push(p);
    }
    // A ring that shrinks to fewer than three points (an islet at this scale) is not drawn.
    return out.length < 3 ? '' : `M${out.join('L')}Z`;
  };
  const shapes: Shape[] = all.map(({ g, rings: rs }) => ({
    code: g.properties.code,
    name: g.properties.name,
    path: rs.map(ring).join(''),
  }));
  return { width, height, shapes };
}

/** The districts of a province as SVG paths in a box `width` wide. */
export function provinceDistrictShapes(t: Topology, provinceCode: string, width = 600) {
  return shapesOf(t, 'dist', (g) => g.properties.province === provinceCode, width, 1);
}

/** The country's provinces as SVG paths in a box `width` wide, in whole pixels. */
export function countryProvinceShapes(t: Topology, width = 600) {
  return shapesOf(t, 'prov', () => true, width, 0);
}

/**
 * How a provisional level is drawn on the map (the app's LevelMap and the server-painted page alike): a dark
 * dashed outline over the level's colour, so that the colour stays readable and the mark survives printing.
 */
export const PROVISIONAL_OUTLINE = { stroke: '#222', width: 1.5, dash: '4 3' } as const;

/**
 * The level a map shows for a unit: the announced one, else the proposal; provisional only when it shows a
 * proposal computed from provisional values (an announced level is the committee's decision, not a computation).
 */
export function shownLevel(u: { level: number | null; announcedLevel: number | null; provisional: boolean }) {
  const level = u.announcedLevel ?? u.level;
  return { level, provisional: u.announcedLevel === null && level !== null && u.provisional };
}
