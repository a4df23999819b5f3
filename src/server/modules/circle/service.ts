/**
 * Circle use cases: authorise → load the scene → run the pure engine → present. Every analysis reports
 * metres beside minutes, households/people/elderly/children, far points and the OSM attribution.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import * as registry from '../registry/index.ts';
import { homeNearest, resolveCategoryCode, type CategoryDef, type Threshold } from './domain/index.ts';
import type { CirclePool } from './workers/pool.ts';
import type { CircleSettings } from './config.ts';
import { canCircle, circleRoleHas, type CircleAction } from './permissions.ts';
import { loadScene, type EngineCache, type Scene } from './network/scene.ts';

/** Per-request context. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  lang: 'zh-CN' | 'en';
  ip: string;
}
/** Module runtime shared by requests. */
export interface CircleRuntime {
  settings: CircleSettings;
  cache: EngineCache;
  /** Worker threads for heavy work (OSM import, exact solve); close it with the app. */
  pool: CirclePool;
}

/** Throws unless the actor may act on the community. */
export async function authorize(ctx: Ctx, action: CircleAction, code: string, buildingId?: string) {
  let own: string | null = null;
  if (action === 'circle.home' && ctx.actor.role === 'resident' && ctx.actor.householdId)
    own = (await registry.householdBuilding(ctx.db, ctx.actor.householdId))?.buildingId ?? null;
  const subject = buildingId === undefined ? { code } : { code, buildingId };
  if (!canCircle({ role: ctx.actor.role, scopeCode: ctx.actor.scopeCode, buildingId: own }, action, subject)) {
    throw new AppError(circleRoleHas(ctx.actor.role, action) ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
  const place = await registry.placeByCode(ctx.db, code);
  if (place?.kind !== 'community') throw new AppError('NOT_FOUND');
  return place;
}

/** Authorise and load the scene. */
export async function scene(
  rt: CircleRuntime,
  ctx: Ctx,
  code: string,
  network: string,
  action: CircleAction = 'circle.read',
  buildingId?: string,
): Promise<Scene> {
  await authorize(ctx, action, code, buildingId);
  return loadScene(ctx.db, rt.cache, rt.settings, code, network, ctx.now);
}

/** A category id from user input (id, alias or name), or CIRCLE_UNKNOWN_CATEGORY. */
export function categoryOf(rt: CircleRuntime, input: string): CategoryDef {
  const id = resolveCategoryCode(input, rt.settings.categories, rt.settings.allAliases);
  const c = id === null ? undefined : rt.settings.categories.find((x) => x.id === id);
  if (!c) throw new AppError('CIRCLE_UNKNOWN_CATEGORY', { params: { code: input } });
  return c;
}

/** A profile id of the settings, or VALIDATION_FAILED. */
export function profileOf(rt: CircleRuntime, id: string): string {
  if (!rt.settings.profiles.some((p) => p.id === id))
    throw new AppError('VALIDATION_FAILED', { params: { detail: `profile ${id}` } });
  return id;
}

/** The thresholds reported: minutes from settings plus the GB distance. */
export function thresholds(rt: CircleRuntime): Threshold[] {
  return [...rt.settings.minutes.map((value): Threshold => ({ kind: 'minutes', value })), { kind: 'gb' }];
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Coverage of every category × level × profile by households, people, elderly and children; GB gaps. */
export async function coverage(rt: CircleRuntime, ctx: Ctx, code: string, network: string) {
  const sc = await scene(rt, ctx, code, network);
  const t0 = performance.now();
  const profileIds = rt.settings.profiles.map((p) => p.id);
  // The full matrix takes ~1 s on a city district: computed in a worker, not on the event loop.
  const rep = await rt.pool.coverage(sc, {
    homes: sc.homes,
    facilities: sc.facilities,
    profileIds,
    thresholds: thresholds(rt),
    targetShare: rt.settings.targetShare,
  });
  const ms = Math.round(performance.now() - t0);
  const far = new Set(rep.farFacilities);
  const place = await registry.placeByCode(ctx.db, code);
  return {
    community: code,
    name: place?.name ?? code,
    nameEn: place?.nameEn ?? null,
    isDemo: place?.isDemo ?? false,
    network: sc.network,
    totals: {
      households: r1(rep.totals.households),
      people: r1(rep.totals.people),
      elderly: r1(rep.totals.elderly),
      children: r1(rep.totals.children),
    },
    homes: sc.homes.length,
    estimatedHomes: sc.homes.filter((h) => h.estimated).length,
    profiles: rt.settings.profiles.map((p) => ({ id: p.id, speedMps: p.speedMps })),
    thresholds: thresholds(rt).map((t) => (t.kind === 'gb' ? 'gb' : `min${t.value}`)),
    categories: rt.settings.categories.map((c) => ({ ...c, facilities: rep.facilityCount[c.id] ?? 0 })),
    rows: rep.rows.map((r) => ({
      category: r.category,
      profile: r.profile,
      threshold: r.threshold,
      thresholdM: Math.round(r.thresholdM),
      share: {
        households: r3(r.share.households),
        people: r3(r.share.people),
        elderly: r3(r.share.elderly),
        children: r3(r.share.children),
      },
      covered: {
        households: r1(r.covered.households),
        people: r1(r.covered.people),
        elderly: r1(r.covered.elderly),
        children: r1(r.covered.children),
      },
    })),
    gaps: rep.gaps.map((g) => ({ ...g, householdShare: r3(g.householdShare) })),
    farFacilities: sc.facilities
      .filter((f) => far.has(f.id))
      .map((f) => ({ id: f.id, category: f.category, name: f.name, lon: f.lon, lat: f.lat })),
    farHomes: rep.farHomes.length,
    ms,
  };
}

/** Buildings coloured by walking minutes to the nearest facility of one category (a map layer), plus the facilities. */
export async function layer(
  rt: CircleRuntime,
  ctx: Ctx,
  code: string,
  network: string,
  category: string,
  profile: string,
) {
  const cat = categoryOf(rt, category);
  profileOf(rt, profile);
  const sc = await scene(rt, ctx, code, network);
  const prof = sc.engine.profile(profile);
  const rep = await rt.pool.coverage(sc, {
    homes: sc.homes,
    facilities: sc.facilities,
    categoryIds: [cat.id],
    profileIds: [profile],
    thresholds: [{ kind: 'gb' }],
  });
  const col = rep.nearest.get(cat.id)!.get(profile)!;
  const facs = sc.facilities.filter((f) => f.category === cat.id);
  const far = new Set(rep.farFacilities);
  return {
    network: sc.network,
    category: cat.id,
    profile,
    gbMetres: cat.maxDistanceM,
    homes: {
      type: 'FeatureCollection' as const,
      features: sc.homes.map((h, i) => {
        const m = col.metres[i]!,
          ok = Number.isFinite(m);
        return {
          type: 'Feature' as const,
          geometry: h.footprint ?? { type: 'Point' as const, coordinates: [h.lon, h.lat] },
          properties: {
            id: h.id,
            name: h.name,
            metres: ok ? Math.round(m) : null,
            minutes: ok ? r1(m / prof.speedMps / 60) : null,
            nearest: ok ? (facs[col.facility[i]!]?.name ?? null) : null,
            households: r1(h.households),
            people: r1(h.people),
            elderly: r1(h.elderly),
            children: r1(h.children),
            estimated: h.estimated,
            covered: ok && m <= cat.maxDistanceM,
          },
        };
      }),
    },
    facilities: facs.map((f) => ({
      id: f.id,
      name: f.name,
      lon: f.lon,
      lat: f.lat,
      source: f.source,
      far: far.has(f.id),
    })),
  };
}

/** One building's nearest facility per category, metres and minutes, for each profile. */
export async function nearest(rt: CircleRuntime, ctx: Ctx, code: string, network: string, buildingId: string) {
  const sc = await scene(rt, ctx, code, network, 'circle.home', buildingId);
  const i = sc.homes.findIndex((h) => h.id === buildingId);
  if (i < 0) throw new AppError('NOT_FOUND');
  const home = sc.homes[i]!;
  const rep = await rt.pool.coverage(sc, {
    homes: [home],
    facilities: sc.facilities,
    profileIds: rt.settings.profiles.map((p) => p.id),
    thresholds: [{ kind: 'gb' }],
  });
  const byId = new Map(sc.facilities.map((f) => [f.id, f]));
  return {
    building: { id: home.id, name: home.name, lon: home.lon, lat: home.lat },
    network: sc.network,
    nearest: homeNearest(sc.engine, rep, 0, sc.facilities).map((n) => {
      const c = rt.settings.categories.find((x) => x.id === n.category)!;
      return {
        ...n,
        facilityName: n.facilityId ? (byId.get(n.facilityId)?.name ?? null) : null,
        level: c.level,
        gbMetres: c.maxDistanceM,
        withinGb: n.metres !== null && n.metres <= c.maxDistanceM,
      };
    }),
  };
}

/** The walking network's edges as GeoJSON lines (steps flagged) for drawing. */
export async function networkLines(rt: CircleRuntime, ctx: Ctx, code: string, network: string) {
  const sc = await scene(rt, ctx, code, network);
  const g = sc.engine.graph;
  const features = [];
  for (let e = 0; e < g.edgeCount; e++) {
    const coordinates: [number, number][] = [];
    for (let p = g.geomOffset[e]!; p < g.geomOffset[e + 1]!; p++)
      coordinates.push([Math.round(g.geomCoord[2 * p]! * 1e7) / 1e7, Math.round(g.geomCoord[2 * p + 1]! * 1e7) / 1e7]);
    features.push({
      type: 'Feature' as const,
      geometry: { type: 'LineString' as const, coordinates },
      properties: { steps: (g.edgeFlags[e]! & 1) !== 0 },
    });
  }
  return { type: 'FeatureCollection' as const, network: sc.network, features };
}
