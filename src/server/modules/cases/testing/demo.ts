/** Test helpers for the cases module: demo places and a logged-in request shortcut. */
import { generateDemoCommunity } from '../../registry/demo/generate.ts';

const demo = generateDemoCommunity();
const silu = demo.compounds.find((c) => c.key === 'silu')!;
const ring = silu.boundary.coordinates[0]!;
/** A WGS-84 point inside 丝路嘉苑 (the centroid of its boundary's vertices). */
export const SILU_POINT = {
  lon: ring.slice(0, -1).reduce((s, p) => s + p[0]!, 0) / (ring.length - 1),
  lat: ring.slice(0, -1).reduce((s, p) => s + p[1]!, 0) / (ring.length - 1),
};
/** The grid of 丝路嘉苑 and its worker's username. */
export const SILU_GRID = demo.grids.find((g) => g.seq === silu.gridSeq)!;
export const COMMUNITY = demo.community.code;
