/**
 * Loads the registry's part of the generated demo community (东湖社区) inside the caller's transaction: places,
 * compounds, buildings, households, residents, facilities, roads and candidate sites, and says which demo log-ins
 * to create where. The demo as a whole (accounts, the cases' demo key and demo cases, the audit row, the other
 * modules' stories) is composed in src/server/demo.ts: the registry seeds only its own tables.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Polygon } from 'geojson';
import type { Database } from '../../platform/db/schema.ts';
import type { Role } from '../../../shared/roles.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { generateDemoCommunity } from './demo/generate.ts';
import { demoAccounts } from './demo/accounts.ts';
import type { DemoCommunity } from './demo/types.ts';
import * as repo from './repository/seed.ts';

/** True when the database has no places yet. */
export function registryIsEmpty(db: Kysely<Database>): Promise<boolean> {
  return repo.noPlaces(db);
}

/**
 * Mean of the outer ring's vertices (not the area centroid of src/shared/geo/measure.ts): where the demo puts
 * a building's point. Kept as it is so the demo data stay the same.
 */
function vertexMean(p: Polygon): [number, number] {
  const ring = p.coordinates[0] ?? [];
  const n = Math.max(1, ring.length - 1);
  let x = 0,
    y = 0;
  for (let i = 0; i < n; i++) {
    x += ring[i]![0]!;
    y += ring[i]![1]!;
  }
  return [x / n, y / n];
}

async function chunked<T>(rows: T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

/** A demo log-in to create (by the auth module), placed in the seeded community. */
interface DemoLogin {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopeCode: string;
  residentId: string | null;
  phone: string | null;
}

/** What the registry's demo seed loaded: the community, its counts, and the log-ins to create. */
export interface RegistryDemo {
  communityCode: string;
  households: number;
  residents: number;
  grids: number;
  logins: DemoLogin[];
}

/**
 * Seeds the registry's tables of the demo community inside `trx`; `tick(label)` marks each of its seven steps
 * (places, compounds, buildings, households, residents, facilities, roads) for a progress bar.
 */
export async function seedRegistryDemo(
  trx: Transaction<Database>,
  now: Date,
  tick: (label: string) => void = () => {},
): Promise<RegistryDemo> {
  const demo: DemoCommunity = generateDemoCommunity();
  const DEMO_ACCOUNTS = demoAccounts(demo);
  const c = demo.community;
  const gridCode = (seq: number) => demo.grids.find((g) => g.seq === seq)!.code;
  const place = (
    kind: 'district' | 'street' | 'community' | 'grid',
    code: string,
    parent: string | null,
    name: string,
    nameEn: string | null,
    boundary: Polygon | null,
    props: Record<string, unknown> = {},
  ) => ({
    id: uuidv7(now.getTime()),
    kind,
    code,
    parent_code: parent,
    name,
    name_en: nameEn,
    boundary: JSON.stringify(boundary),
    properties: JSON.stringify(props),
    is_demo: kind !== 'district' && kind !== 'street',
  });
  await repo.insertPlaces(trx, [
    place('district', demo.district.code, null, demo.district.name, demo.district.nameEn, null),
  ]);
  await repo.insertPlaces(trx, [
    place('street', demo.street.code, demo.district.code, demo.street.name, demo.street.nameEn, null),
  ]);
  await repo.insertPlaces(trx, [
    place('community', c.code, demo.street.code, c.name, c.nameEn, c.boundary, {
      areaKm2: c.areaKm2,
      demoNotice: demo.demoNotice,
    }),
  ]);
  await repo.insertPlaces(
    trx,
    demo.grids.map((g) => place('grid', g.code, c.code, g.name, `Grid ${g.seq}`, g.boundary)),
  );
  tick('places');
  const compoundId = new Map<string, string>();
  await repo.insertCompounds(
    trx,
    demo.compounds.map((k) => {
      const id = uuidv7(now.getTime());
      compoundId.set(k.key, id);
      return {
        id,
        community_code: c.code,
        grid_code: gridCode(k.gridSeq),
        name: k.name,
        boundary: JSON.stringify(k.boundary),
        no_property_manager: k.noPropertyManager,
        no_responsible_body: k.noResponsibleBody,
        no_owners_committee: k.noOwnersCommittee,
        property_manager: k.propertyManager,
        former_sanwu: k.formerSanwu,
        note: k.note ?? null,
      };
    }),
  );
  tick('compounds');
  const building = new Map<string, { id: string; grid: string }>();
  await chunked(demo.buildings, 500, (rows) =>
    repo.insertBuildings(
      trx,
      rows.map((b) => {
        const id = uuidv7(now.getTime());
        const grid = gridCode(b.gridSeq);
        building.set(b.key, { id, grid });
        const [lon, lat] = vertexMean(b.footprint);
        return {
          id,
          community_code: c.code,
          grid_code: grid,
          compound_id: b.compoundKey ? (compoundId.get(b.compoundKey) ?? null) : null,
          name: b.name,
          floors: b.floors,
          units: b.units,
          use: b.use,
          footprint: JSON.stringify(b.footprint),
          lon,
          lat,
        };
      }),
    ),
  );
  tick('buildings');
  const household = new Map<string, { id: string; grid: string }>();
  await chunked(demo.households, 1000, (rows) =>
    repo.insertHouseholds(
      trx,
      rows.map((h) => {
        const b = building.get(h.buildingKey)!;
        const id = uuidv7(now.getTime());
        household.set(h.key, { id, grid: b.grid });
        return {
          id,
          community_code: c.code,
          grid_code: b.grid,
          building_id: b.id,
          unit: h.unit,
          room: h.room,
          area_centi_m2: h.areaCentiM2,
          area_source: h.areaSource,
          owner_name: h.ownerName,
          owner_key: h.ownerKey,
        };
      }),
    ),
  );
  tick('households');
  const residentId = new Map<string, string>();
  await chunked(demo.residents, 1000, (rows) =>
    repo.insertResidents(
      trx,
      rows.map((r) => {
        const h = household.get(r.householdKey)!;
        const id = uuidv7(now.getTime());
        residentId.set(r.key, id);
        return {
          id,
          community_code: c.code,
          grid_code: h.grid,
          household_id: h.id,
          name: r.name,
          gender: r.gender,
          phone: r.phone,
          id_number: r.idNumber,
          birth_date: r.birthDate,
          relation: r.relation,
          tags: JSON.stringify(r.tags),
        };
      }),
    ),
  );
  tick('residents');
  await repo.insertFacilities(
    trx,
    demo.facilities.map((f) => ({
      id: uuidv7(now.getTime()),
      community_code: c.code,
      category: f.category,
      name: f.name,
      lon: f.lon,
      lat: f.lat,
      source: f.source,
    })),
  );
  tick('facilities');
  await chunked(demo.roads, 500, (rows) =>
    repo.insertRoads(
      trx,
      rows.map((r) => ({
        id: uuidv7(now.getTime()),
        community_code: c.code,
        name: r.name,
        highway: r.highway,
        line: JSON.stringify(r.line),
      })),
    ),
  );
  if (demo.freedSpaces.length)
    await repo.insertCandidateSites(
      trx,
      demo.freedSpaces.map((s) => ({
        id: uuidv7(now.getTime()),
        community_code: c.code,
        name: s.name,
        lon: s.lon,
        lat: s.lat,
        area_m2: s.areaM2,
        note: s.note,
      })),
    );
  tick('roads');
  const logins: DemoLogin[] = DEMO_ACCOUNTS.map((a) => {
    const scope = a.scope;
    let scopeCode: string = c.code;
    let resident: string | null = null;
    if (scope === 'district') scopeCode = demo.district.code;
    else if (scope === 'street') scopeCode = demo.street.code;
    else if (scope === 'community') scopeCode = c.code;
    else if ('gridSeq' in scope) scopeCode = gridCode(scope.gridSeq);
    else {
      resident = residentId.get(scope.residentKey) ?? null;
      const r = demo.residents.find((x) => x.key === scope.residentKey);
      scopeCode = r ? household.get(r.householdKey)!.grid : c.code;
    }
    const worker = demo.grids.find((g) => g.worker.username === a.username)?.worker;
    return {
      username: a.username,
      displayName: a.displayName,
      password: a.password,
      role: a.role as Role,
      scopeCode,
      residentId: resident,
      phone: worker?.phone ?? null,
    };
  });
  return {
    communityCode: c.code,
    households: demo.households.length,
    residents: demo.residents.length,
    grids: demo.grids.length,
    logins,
  };
}
