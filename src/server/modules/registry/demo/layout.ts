/**
 * Turns the plan into geometry: community and grid polygons, buildings, facilities, freed spaces and
 * the walking network. Deterministic and seed-free: the map is the same for every seed.
 */
import type { Polygon } from 'geojson';
import { COMPOUNDS } from './compounds.ts';
import { polygonFromLocal, rectPolygon, toLonLat } from './geo.ts';
import {
  BLOCKS,
  BUILDING_TYPES,
  GRID_CELLS,
  SETBACK,
  XS,
  YS,
  gridOfBlock,
  latticeSegment,
  type BuildingType,
} from './plan.ts';
import { RoadNet } from './roads.ts';
import type { DemoBuilding, DemoFacility, DemoFreedSpace, DemoRoad } from './types.ts';

const COMPOUND_NAMES = new Map(COMPOUNDS.map((c) => [c.key, c.name]));

/** A residential building with the household target of its compound block. */
interface ResidentialSlot {
  building: DemoBuilding;
  type: BuildingType;
  /** Index into `Layout.blockTargets`. */
  block: number;
}

/** Everything geometric the generator needs. */
export interface Layout {
  communityBoundary: Polygon;
  gridBoundaries: { seq: number; boundary: Polygon }[];
  buildings: DemoBuilding[];
  residential: ResidentialSlot[];
  blockTargets: { compound: string; households: number; gridSeq: number; c: number; r: number }[];
  facilities: DemoFacility[];
  freedSpaces: DemoFreedSpace[];
  roads: DemoRoad[];
}

/** Ring of the lattice rectangle [i0, i1] × [j0, j1] through every lattice node on its edges, CCW. */
function latticeRect(i0: number, i1: number, j0: number, j1: number): Polygon {
  const ring: [number, number][] = [];
  const x = (i: number): number => XS[i] as number;
  const y = (j: number): number => YS[j] as number;
  for (let i = i0; i < i1; i++) ring.push([x(i), y(j0)]);
  for (let j = j0; j < j1; j++) ring.push([x(i1), y(j)]);
  for (let i = i1; i > i0; i--) ring.push([x(i), y(j1)]);
  for (let j = j1; j > j0; j--) ring.push([x(i0), y(j)]);
  return polygonFromLocal(ring);
}

/** Lattice streets: one line per street centre line, attributes per lattice interval. */
function latticeNet(): RoadNet {
  const net = new RoadNet();
  const seg = (vertical: boolean, i: number, nodes: readonly number[]) => (a: number, b: number) => {
    const mid = (a + b) / 2;
    const k = nodes.findIndex((t, n) => mid > t && mid < (nodes[n + 1] ?? -Infinity));
    return latticeSegment(vertical, i, k);
  };
  XS.forEach((x, i) => {
    net.addLine(`v${i}`, true, x, 0, YS[YS.length - 1] as number, seg(true, i, YS));
    for (const y of YS) net.attach(`v${i}`, y);
  });
  YS.forEach((y, j) => {
    net.addLine(`h${j}`, false, y, 0, XS[XS.length - 1] as number, seg(false, j, XS));
    for (const x of XS) net.attach(`h${j}`, x);
  });
  return net;
}

/** 东湖公园 (block c4 r3): cross paths, a short flight of steps, and outdoor facilities. */
function park(net: RoadNet, facilities: Omit<DemoFacility, 'key'>[]): void {
  const [x0, x1, y0, y1] = [XS[4], XS[5], YS[3], YS[4]] as [number, number, number, number];
  const mx = 905;
  const my = 652;
  net.addLine('park-ew', false, my, x0, x1, () => ({ name: null, highway: 'footway' }));
  net.attach('v4', my);
  net.attach('v5', my);
  net.addLine('park-ns', true, mx, y0, y1, (a) => ({ name: null, highway: a === 600 ? 'steps' : 'footway' }));
  for (const t of [600, 612, my]) net.attach('park-ns', t);
  net.attach('park-ew', mx);
  net.attach('h3', mx);
  net.attach('h4', mx);
  const at = (x: number, y: number): { lon: number; lat: number } => {
    const [lon, lat] = toLonLat(x, y);
    return { lon, lat };
  };
  facilities.push({ category: 'park', name: '东湖公园', ...at(mx, my), source: 'demo' });
  facilities.push({ category: 'fitness', name: '东湖公园健身区', ...at(860, 700), source: 'demo' });
  facilities.push({ category: 'public_toilet', name: '东湖公园公厕', ...at(960, 600), source: 'demo' });
}

/** Lay out every block of the plan. */
export function buildLayout(): Layout {
  const net = latticeNet();
  const buildings: DemoBuilding[] = [];
  const residential: ResidentialSlot[] = [];
  const blockTargets: Layout['blockTargets'] = [];
  const facilities: Omit<DemoFacility, 'key'>[] = [];
  const freed: Omit<DemoFreedSpace, 'key'>[] = [];
  const counters = new Map<string, number>();
  const nextNo = (k: string): number => {
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    return n;
  };
  park(net, facilities);

  for (const block of BLOCKS) {
    const { c, r, rows, cols } = block;
    if (block.slots.length !== rows * cols) throw new Error(`block ${c},${r}: slot count`);
    const gridSeq = gridOfBlock(c, r);
    const [bx0, bx1, by0, by1] = [XS[c], XS[c + 1], YS[r], YS[r + 1]] as [number, number, number, number];
    const ix0 = bx0 + SETBACK;
    const iy1 = by1 - SETBACK;
    const cellW = (bx1 - bx0 - 2 * SETBACK) / cols;
    const cellH = (by1 - by0 - 2 * SETBACK) / rows;
    const blockIndex = blockTargets.length;
    if (block.compound) {
      blockTargets.push({ compound: block.compound, households: block.households ?? 0, gridSeq, c, r });
    }
    const compoundKey = block.compound ?? null;
    const compoundName = compoundKey ? (COMPOUND_NAMES.get(compoundKey) ?? compoundKey) : null;
    for (let row = 0; row < rows; row++) {
      // Rows count from the north so building numbers run north-west first, as on a printed plan.
      const bottom = iy1 - (row + 1) * cellH;
      const laneY = bottom + 3;
      const lane = `lane-${c}-${r}-${row}`;
      net.addLine(lane, false, laneY, bx0, bx1, () => ({ name: null, highway: compoundKey ? 'service' : 'footway' }));
      net.attach(`v${c}`, laneY);
      net.attach(`v${c + 1}`, laneY);
      for (let col = 0; col < cols; col++) {
        const slot = block.slots[row * cols + col] ?? null;
        if (slot === null) continue;
        const cx = ix0 + (col + 0.5) * cellW;
        const cy = bottom + cellH / 2;
        if (typeof slot === 'object' && 'pt' in slot) {
          const [lon, lat] = toLonLat(cx, cy);
          for (const [category, name] of slot.pt) facilities.push({ category, name, lon, lat, source: 'demo' });
          continue;
        }
        if (typeof slot === 'object' && 'freed' in slot) {
          const [lon, lat] = toLonLat(cx, cy);
          freed.push({ name: slot.freed, lon, lat, areaM2: slot.areaM2, note: slot.note });
          continue;
        }
        const spec = typeof slot === 'string' ? BUILDING_TYPES[slot] : slot;
        if (spec.w > cellW - 4 || 8 + spec.d > cellH - 2) throw new Error(`block ${c},${r}: slot too small`);
        const y0 = bottom + 8;
        const footprint = rectPolygon(cx - spec.w / 2, y0, cx + spec.w / 2, y0 + spec.d);
        net.attach(lane, cx);
        net.addPath(
          [
            [cx, laneY],
            [cx, y0],
          ],
          'footway',
        );
        const key = `b-${String(buildings.length + 1).padStart(3, '0')}`;
        if (typeof slot === 'string') {
          const bungalow = slot === 'bungalow';
          const n = nextNo(`${compoundKey}:${bungalow ? 'p' : 'b'}`);
          const name = bungalow ? `${compoundName}平房${n}排` : `${compoundName}${n}号楼`;
          const t = BUILDING_TYPES[slot];
          const building: DemoBuilding = {
            key,
            compoundKey,
            gridSeq,
            name,
            floors: t.floors,
            units: t.units,
            footprint,
            use: 'residential',
          };
          buildings.push(building);
          residential.push({ building, type: slot, block: blockIndex });
        } else {
          buildings.push({
            key,
            compoundKey,
            gridSeq,
            name: slot.b,
            floors: slot.floors,
            units: 1,
            footprint,
            use: slot.use,
          });
          const [lon, lat] = toLonLat(cx, y0);
          for (const [category, name] of slot.fac ?? []) facilities.push({ category, name, lon, lat, source: 'demo' });
        }
      }
    }
  }

  const last = (a: readonly number[]): number => a.length - 1;
  return {
    communityBoundary: latticeRect(0, last(XS), 0, last(YS)),
    gridBoundaries: GRID_CELLS.map((g) => ({ seq: g.seq, boundary: latticeRect(g.i[0], g.i[1], g.j[0], g.j[1]) })),
    buildings,
    residential,
    blockTargets,
    facilities: facilities.map((f, i) => ({ key: `f-${String(i + 1).padStart(2, '0')}`, ...f })),
    freedSpaces: freed.map((f, i) => ({ key: `s-${String(i + 1).padStart(2, '0')}`, ...f })),
    roads: net.build(),
  };
}
