/**
 * GeoJSON import/export of grids and compounds. An import converts GCJ-02/BD-09 to WGS-84, validates every
 * feature (codes, geometry, overlap with neighbours, tiling of the community) and then writes all of it in
 * one transaction — re-homing buildings, households and residents whose grid changed — or nothing.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { authorize, type Ctx } from './service.ts';
import { convertGeometryToWgs84, type Crs } from '../../../shared/geo/crs.ts';
import { validatePolygon, checkTiling, polygonsOverlap } from './domain/geo/polygon.ts';
import { buildGridIndex } from './domain/geo/gridIndex.ts';
import { centroid } from '../../../shared/geo/measure.ts';
import { snapToRings } from './domain/geo/snap.ts';
import { gridWidthMismatches, isGridCode } from './domain/codes.ts';
import * as repo from './repository.ts';
import * as geoRepo from './repository/geo.ts';

/** A feature-level problem in an import. */
interface FeatureError {
  feature: number;
  code:
    | 'BAD_GEOMETRY'
    | 'BAD_CODE'
    | 'DUPLICATE_CODE'
    | 'GEOMETRY_OVERLAP'
    | 'GEOMETRY_OUTSIDE'
    | 'GEOMETRY_GAP'
    | 'MISSING_NAME';
  detail: string;
}

/** A grid or compound area: stored as imported, every part of a MultiPolygon kept. */
type Area = Polygon | MultiPolygon;

function fail(errors: FeatureError[]): AppError {
  return new AppError('BAD_GEOMETRY', {
    params: {
      reason: errors
        .slice(0, 3)
        .map((e) => `#${e.feature} ${e.code} ${e.detail}`)
        .join('; '),
    },
    details: errors,
  });
}

/** Validates geometry of each feature after CRS conversion; returns converted polygons. */
function readFeatures(fc: FeatureCollection, crs: Crs, errors: FeatureError[]): (Area | null)[] {
  return fc.features.map((f: Feature, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      errors.push({ feature: i, code: 'BAD_GEOMETRY', detail: 'not_polygon' });
      return null;
    }
    const v = validatePolygon(g);
    if (!v.ok) {
      errors.push({ feature: i, code: 'BAD_GEOMETRY', detail: v.reason });
      return null;
    }
    return convertGeometryToWgs84(g, crs) as Area;
  });
}

/** Imports grids of a community (upsert by code); the resulting set must tile the community boundary. */
export async function importGrids(
  ctx: Ctx,
  communityCode: string,
  fc: FeatureCollection,
  crs: Crs,
  onRehome?: () => Promise<void>,
) {
  const community = await repo.getPlace(ctx.db, communityCode);
  if (community?.kind !== 'community') throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'place.write', { code: communityCode });
  const errors: FeatureError[] = [];
  const geoms = readFeatures(fc, crs, errors);
  const seen = new Set<string>();
  const incoming = fc.features.map((f, i) => {
    const code = String(f.properties?.code ?? '');
    const name = String(f.properties?.name ?? '').trim();
    if (!isGridCode(code) || !code.startsWith(communityCode))
      errors.push({ feature: i, code: 'BAD_CODE', detail: code });
    else if (seen.has(code)) errors.push({ feature: i, code: 'DUPLICATE_CODE', detail: code });
    seen.add(code);
    if (!name) errors.push({ feature: i, code: 'MISSING_NAME', detail: code });
    return { code, name, geom: geoms[i] ?? null };
  });
  if (errors.length) throw fail(errors);
  const allExisting = await repo.placesUnder(ctx.db, communityCode, 'grid');
  const kept = allExisting.filter((g) => !seen.has(g.code)).map((g) => g.code);
  const wrongWidth = new Set(gridWidthMismatches(kept, [...seen]));
  incoming.forEach((g, i) => {
    if (wrongWidth.has(g.code)) errors.push({ feature: i, code: 'BAD_CODE', detail: `${g.code} (mixed_width)` });
  });
  if (errors.length) throw fail(errors);
  const existing = allExisting.filter((g) => !seen.has(g.code) && g.boundary);
  if (crs !== 'wgs84' && community.boundary)
    for (const g of incoming) g.geom = snapToRings(g.geom!, community.boundary);
  const all = [
    ...incoming.map((g) => ({ code: g.code, geom: g.geom! })),
    ...existing.map((g) => ({ code: g.code, geom: g.boundary as Area })),
  ];
  if (community.boundary) {
    const t = checkTiling(
      community.boundary,
      all.map((g) => g.geom),
    );
    for (const [a, b] of t.overlaps)
      errors.push({ feature: Math.min(a, b), code: 'GEOMETRY_OVERLAP', detail: `${all[a]!.code} × ${all[b]!.code}` });
    for (const o of t.outside) errors.push({ feature: o, code: 'GEOMETRY_OUTSIDE', detail: all[o]!.code });
    if (!t.overlaps.length && !t.outside.length && t.gap)
      errors.push({ feature: -1, code: 'GEOMETRY_GAP', detail: `${Math.round(t.differenceM2)} m²` });
  } else {
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        if (polygonsOverlap(all[i]!.geom, all[j]!.geom))
          errors.push({ feature: i, code: 'GEOMETRY_OVERLAP', detail: `${all[i]!.code} × ${all[j]!.code}` });
  }
  if (errors.length) throw fail(errors);
  const result = await ctx.db.transaction().execute(async (trx) => {
    let created = 0,
      updated = 0;
    for (const g of incoming) {
      const before = await repo.getPlace(trx, g.code);
      const boundary = JSON.stringify(g.geom!);
      if (before) {
        await geoRepo.redrawPlace(trx, g.code, g.name, boundary, ctx.now);
        updated++;
      } else {
        await geoRepo.insertPlaceRow(trx, {
          id: uuidv7(ctx.now.getTime()),
          kind: 'grid',
          code: g.code,
          parent_code: communityCode,
          name: g.name,
          name_en: null,
          boundary,
          properties: '{}',
          is_demo: false,
        });
        created++;
      }
      await audit(
        trx,
        { accountId: ctx.actor.accountId, role: ctx.actor.role },
        {
          action: before ? 'update' : 'create',
          entity: 'grid',
          entityId: g.code,
          scopeCode: g.code,
          before: before ?? null,
          after: { code: g.code, name: g.name, boundary: g.geom! },
          ip: ctx.ip,
        },
      );
    }
    const rehomed = await rehome(
      trx,
      communityCode,
      all.map((g) => ({ id: g.code, geometry: g.geom })),
    );
    return { created, updated, rehomedBuildings: rehomed };
  });
  await onRehome?.();
  return result;
}

/** Re-assigns buildings (by centroid) and their households/residents and compounds to the grid containing them. */
async function rehome(trx: Ctx['db'], communityCode: string, grids: { id: string; geometry: Area }[]): Promise<number> {
  const index = buildGridIndex(grids);
  let moved = 0;
  for (const b of await repo.buildingsOfCommunity(trx, communityCode)) {
    const g = index.locate(b.lon, b.lat);
    if (g === b.grid_code) continue;
    moved++;
    await geoRepo.moveBuildingToGrid(trx, b.id, g);
  }
  for (const c of await geoRepo.compoundAreas(trx, communityCode)) {
    if (!c.boundary) continue;
    const [lon, lat] = centroid(c.boundary);
    const g = index.locate(lon, lat);
    if (g !== c.grid_code) await geoRepo.moveCompoundToGrid(trx, c.id, g);
  }
  return moved;
}

/** Imports compounds of a community (upsert by name); they may not overlap one another. */
export async function importCompounds(ctx: Ctx, communityCode: string, fc: FeatureCollection, crs: Crs) {
  const community = await repo.getPlace(ctx.db, communityCode);
  if (community?.kind !== 'community') throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'place.write', { code: communityCode });
  const errors: FeatureError[] = [];
  const geoms = readFeatures(fc, crs, errors);
  const names = new Set<string>();
  const items = fc.features.map((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const name = String(p.name ?? '').trim();
    if (!name) errors.push({ feature: i, code: 'MISSING_NAME', detail: '' });
    else if (names.has(name)) errors.push({ feature: i, code: 'DUPLICATE_CODE', detail: name });
    names.add(name);
    return { name, geom: geoms[i] ?? null, p };
  });
  const others = (await repo.compoundsUnder(ctx.db, communityCode)).filter((c) => !names.has(c.name) && c.boundary);
  const all = [
    ...items.map((c) => ({ name: c.name, geom: c.geom })),
    ...others.map((c) => ({ name: c.name, geom: c.boundary as Area })),
  ];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!.geom,
        b = all[j]!.geom;
      if (a && b && polygonsOverlap(a, b))
        errors.push({ feature: i, code: 'GEOMETRY_OVERLAP', detail: `${all[i]!.name} × ${all[j]!.name}` });
    }
  if (errors.length) throw fail(errors);
  const grids = (await repo.placesUnder(ctx.db, communityCode, 'grid')).filter((g) => g.boundary);
  const index = buildGridIndex(grids.map((g) => ({ id: g.code, geometry: g.boundary! })));
  return ctx.db.transaction().execute(async (trx) => {
    let created = 0,
      updated = 0;
    for (const c of items) {
      const [lon, lat] = centroid(c.geom!);
      const flag = (k: string) => c.p[k] === true;
      const values = {
        boundary: JSON.stringify(c.geom!),
        grid_code: index.locate(lon, lat),
        no_property_manager: flag('noPropertyManager'),
        no_responsible_body: flag('noResponsibleBody'),
        no_owners_committee: flag('noOwnersCommittee'),
        former_sanwu: flag('formerSanwu'),
        property_manager: typeof c.p.propertyManager === 'string' ? c.p.propertyManager : null,
        note: typeof c.p.note === 'string' ? c.p.note : null,
      };
      const before = await geoRepo.compoundByName(trx, communityCode, c.name);
      if (before) {
        await geoRepo.updateCompound(trx, before.id, { ...values, updated_at: ctx.now, version: before.version + 1 });
        updated++;
      } else {
        await geoRepo.insertCompound(trx, {
          id: uuidv7(ctx.now.getTime()),
          community_code: communityCode,
          name: c.name,
          ...values,
        });
        created++;
      }
      await audit(
        trx,
        { accountId: ctx.actor.accountId, role: ctx.actor.role },
        {
          action: before ? 'update' : 'create',
          entity: 'compound',
          entityId: before?.id ?? c.name,
          scopeCode: values.grid_code ?? communityCode,
          before: before ?? null,
          after: { name: c.name, ...values, boundary: c.geom! },
          ip: ctx.ip,
        },
      );
    }
    return { created, updated };
  });
}

/** Grids or compounds of a community as a WGS-84 FeatureCollection (the import format). */
export async function exportAreas(ctx: Ctx, communityCode: string, kind: 'grids' | 'compounds') {
  authorize(ctx.actor, 'place.read', { code: communityCode });
  if (kind === 'grids') {
    const grids = await repo.placesUnder(ctx.db, communityCode, 'grid');
    return {
      type: 'FeatureCollection' as const,
      features: grids
        .filter((g) => g.boundary)
        .map((g) => ({ type: 'Feature' as const, geometry: g.boundary!, properties: { code: g.code, name: g.name } })),
    };
  }
  const cs = await repo.compoundsUnder(ctx.db, communityCode);
  return {
    type: 'FeatureCollection' as const,
    features: cs
      .filter((c) => c.boundary)
      .map((c) => ({
        type: 'Feature' as const,
        geometry: c.boundary!,
        properties: {
          name: c.name,
          noPropertyManager: c.no_property_manager,
          noResponsibleBody: c.no_responsible_body,
          noOwnersCommittee: c.no_owners_committee,
          formerSanwu: c.former_sanwu,
          propertyManager: c.property_manager,
          note: c.note,
        },
      })),
  };
}
