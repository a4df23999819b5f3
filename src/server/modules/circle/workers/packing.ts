/** Points sent to a worker as columns (see `plain` in pool.ts) and their unpacking in the worker. */
import type { Facility, GeoPoint, Home } from '../domain/types.ts';

/** Columns of a list of points: ids, `[lon, lat]` pairs, optional demand quadruples and categories. */
export interface PackedPoints {
  readonly packed: true;
  readonly ids: string[];
  readonly coord: Float64Array;
  /** households, people, elderly, children per point (homes only). */
  readonly demand: Float64Array | null;
  readonly categories: string[] | null;
  readonly entrances: { i: number; c: readonly number[] }[];
}

/** A task input whose point lists travel packed. */
export type PackedTask<T> = { [K in keyof T]: T[K] extends readonly GeoPoint[] ? PackedPoints : T[K] };

/** Points back from columns (homes with demand, facilities with category). */
function unpackPoints(p: PackedPoints): (Home & Facility)[] {
  const ent = new Map(p.entrances.map((e) => [e.i, e.c]));
  return p.ids.map((id, i) => {
    const d = p.demand;
    const e = ent.get(i);
    return {
      id,
      lon: p.coord[2 * i]!,
      lat: p.coord[2 * i + 1]!,
      households: d ? d[4 * i]! : 0,
      people: d ? d[4 * i + 1]! : 0,
      elderly: d ? d[4 * i + 2]! : 0,
      children: d ? d[4 * i + 3]! : 0,
      category: p.categories?.[i] ?? '',
      ...(e ? { entrances: e } : {}),
    };
  });
}

/** Unpack every packed point list of a task input. */
export function unpackTask<T>(x: PackedTask<T>): T {
  const out: Record<string, unknown> = { ...(x as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'object' && v !== null && (v as { packed?: unknown }).packed === true)
      out[k] = unpackPoints(v as PackedPoints);
  return out as T;
}
