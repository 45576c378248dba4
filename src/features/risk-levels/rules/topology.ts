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

/** The districts of a province as SVG paths in a box `width` wide (equirectangular, corrected at its latitude). */
export function provinceDistrictShapes(t: Topology, provinceCode: string, width = 600) {
  const geometries = t.objects.dist!.geometries.filter((g) => g.properties.province === provinceCode);
  const all = geometries.map((g) => ({ g, rings: rings(t, g) }));
  const points = all.flatMap((a) => a.rings.flat());
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k || 1);
  const height = Math.round((maxLat - minLat) * scale);
  const x = (lon: number) => ((lon - minLon) * k * scale).toFixed(1);
  const y = (lat: number) => ((maxLat - lat) * scale).toFixed(1);
  const shapes: Shape[] = all.map(({ g, rings: rs }) => ({
    code: g.properties.code,
    name: g.properties.name,
    path: rs.map((r) => `M${r.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join('L')}Z`).join(''),
  }));
  return { width, height, shapes };
}
