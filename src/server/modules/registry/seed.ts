/**
 * Loads the generated demo community (东湖社区) into an empty database in one transaction: places, compounds,
 * buildings, households, residents, facilities, roads, candidate sites and the demo accounts.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Polygon } from 'geojson';
import type { Database } from '../../platform/db/schema.ts';
import type { Role } from '../../../shared/roles.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword } from '../auth/service.ts';
import { generateDemoCommunity } from './demo/generate.ts';
import { demoAccounts } from './demo/accounts.ts';
import type { DemoCommunity } from './demo/types.ts';
import { seedCasesDemo } from '../cases/seed.ts';
import { seedDemoCases } from '../cases/demoCases.ts';

/** True when the database has no places yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('places').select('code').limit(1).execute()).length === 0;
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

/** Counts of what was loaded. */
export interface SeedReport {
  households: number;
  residents: number;
  grids: number;
  accounts: number;
  cases: number;
}

/** Options of {@link seedDemo}. */
export interface SeedOptions {
  /** Also create the demo cases of the last 45 days (`npm start`, `linli seed-demo`); off for tests by default. */
  cases?: boolean;
}

/**
 * Seeds the demo community; `onProgress(done, total, label)` reports steps for a progress bar. With
 * `{ cases: true }` the demo cases follow (after the community's transaction: they go through the case use cases).
 */
export async function seedDemo(
  db: Kysely<Database>,
  now: Date,
  onProgress?: (done: number, total: number, label: string) => void,
  o: SeedOptions = {},
): Promise<SeedReport> {
  const demo: DemoCommunity = generateDemoCommunity();
  const DEMO_ACCOUNTS = demoAccounts(demo);
  const hashes = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) if (!hashes.has(a.password)) hashes.set(a.password, await hashPassword(a.password));
  const steps = o.cases ? 10 : 9;
  let step = 0;
  const tick = (label: string) => onProgress?.(++step, steps, label);
  await db.transaction().execute(async (trx: Transaction<Database>) => {
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
    await trx
      .insertInto('places')
      .values(place('district', demo.district.code, null, demo.district.name, demo.district.nameEn, null))
      .execute();
    await trx
      .insertInto('places')
      .values(place('street', demo.street.code, demo.district.code, demo.street.name, demo.street.nameEn, null))
      .execute();
    await trx
      .insertInto('places')
      .values(
        place('community', c.code, demo.street.code, c.name, c.nameEn, c.boundary, {
          areaKm2: c.areaKm2,
          demoNotice: demo.demoNotice,
        }),
      )
      .execute();
    await trx
      .insertInto('places')
      .values(demo.grids.map((g) => place('grid', g.code, c.code, g.name, `Grid ${g.seq}`, g.boundary)))
      .execute();
    tick('places');
    const compoundId = new Map<string, string>();
    await trx
      .insertInto('compounds')
      .values(
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
      )
      .execute();
    tick('compounds');
    const building = new Map<string, { id: string; grid: string }>();
    await chunked(demo.buildings, 500, (rows) =>
      trx
        .insertInto('buildings')
        .values(
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
        )
        .execute(),
    );
    tick('buildings');
    const household = new Map<string, { id: string; grid: string }>();
    await chunked(demo.households, 1000, (rows) =>
      trx
        .insertInto('households')
        .values(
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
        )
        .execute(),
    );
    tick('households');
    const residentId = new Map<string, string>();
    await chunked(demo.residents, 1000, (rows) =>
      trx
        .insertInto('residents')
        .values(
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
        )
        .execute(),
    );
    tick('residents');
    await trx
      .insertInto('facilities')
      .values(
        demo.facilities.map((f) => ({
          id: uuidv7(now.getTime()),
          community_code: c.code,
          category: f.category,
          name: f.name,
          lon: f.lon,
          lat: f.lat,
          source: f.source,
        })),
      )
      .execute();
    tick('facilities');
    await chunked(demo.roads, 500, (rows) =>
      trx
        .insertInto('roads')
        .values(
          rows.map((r) => ({
            id: uuidv7(now.getTime()),
            community_code: c.code,
            name: r.name,
            highway: r.highway,
            line: JSON.stringify(r.line),
          })),
        )
        .execute(),
    );
    if (demo.freedSpaces.length)
      await trx
        .insertInto('candidate_sites')
        .values(
          demo.freedSpaces.map((s) => ({
            id: uuidv7(now.getTime()),
            community_code: c.code,
            name: s.name,
            lon: s.lon,
            lat: s.lat,
            area_m2: s.areaM2,
            note: s.note,
          })),
        )
        .execute();
    tick('roads');
    await trx
      .insertInto('accounts')
      .values(
        DEMO_ACCOUNTS.map((a) => {
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
            id: uuidv7(now.getTime()),
            username: a.username,
            display_name: a.displayName,
            password_hash: hashes.get(a.password)!,
            role: a.role as Role,
            scope_code: scopeCode,
            resident_id: resident,
            phone: worker?.phone ?? null,
          };
        }),
      )
      .execute();
    tick('accounts');
    await seedCasesDemo(trx, now, c.code);
    await audit(trx, null, {
      action: 'seed_demo',
      entity: 'community',
      entityId: c.code,
      scopeCode: c.code,
      after: { households: demo.households.length, residents: demo.residents.length },
    });
    tick('audit');
  });
  const cases = o.cases ? (await seedDemoCases(db, now)).cases : 0;
  if (o.cases) tick('cases');
  return {
    households: demo.households.length,
    residents: demo.residents.length,
    grids: demo.grids.length,
    accounts: demoAccounts(demo).length,
    cases,
  };
}
