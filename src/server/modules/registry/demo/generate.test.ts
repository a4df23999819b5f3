import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { validateIdNumber } from '../domain/idNumber.ts';
import { demoAccounts, DEMO_PASSWORD } from './accounts.ts';
import { DEMO_FACILITY_CATEGORIES } from './categories.ts';
import { generateDemoCommunity } from './generate.ts';
import { pointInPolygon } from '../../../../shared/geo/pip.ts';
import { polygonAreaM2, toLocal } from './geo.ts';
import { DEMO_REFERENCE_DATE } from './people.ts';
import { createRng } from './rng.ts';

const c = generateDemoCommunity();
const buildingByKey = new Map(c.buildings.map((b) => [b.key, b]));
const householdByKey = new Map(c.households.map((h) => [h.key, h]));
const gridOfHousehold = (key: string): number =>
  buildingByKey.get(householdByKey.get(key)?.buildingKey ?? '')?.gridSeq ?? 0;
const ring = (p: Polygon): Position[] => p.coordinates[0] ?? [];
const ageOn = (birth: string, today: string): number =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);

describe('generateDemoCommunity', () => {
  it('is deterministic, and fast', () => {
    const t0 = performance.now();
    const again = generateDemoCommunity();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(again).toEqual(c);
    expect(JSON.stringify(again)).toBe(JSON.stringify(c));
    const other = generateDemoCommunity(7);
    expect(other.residents.length).toBe(6570);
    expect(
      other.residents[0]?.name === c.residents[0]?.name && other.residents[0]?.idNumber === c.residents[0]?.idNumber,
    ).toBe(false);
  });

  it('honours the real totals', () => {
    expect(c.community.areaKm2).toBe(1.35);
    expect(c.community.code).toMatch(/^620702004\d{3}$/);
    expect(c.households).toHaveLength(3329);
    expect(c.residents).toHaveLength(6570);
    expect(c.grids).toHaveLength(8);
    const donghu = c.compounds.find((x) => x.name === '东湖小区');
    expect(donghu).toMatchObject({
      formerSanwu: true,
      noPropertyManager: false,
      noResponsibleBody: false,
      noOwnersCommittee: false,
    });
    const donghuHouseholds = c.households.filter((h) => buildingByKey.get(h.buildingKey)?.compoundKey === donghu?.key);
    expect(donghuHouseholds).toHaveLength(1523);
    expect(c.compounds.find((x) => x.name === '丝路嘉苑')).toMatchObject({
      noPropertyManager: true,
      propertyManager: null,
    });
    const dayCare = c.facilities.filter((f) => f.category === 'elderly_day_care');
    expect(dayCare.some((f) => f.name.includes('日间照料中心'))).toBe(true);
    expect(c.demoNotice).toContain('演示');
  });

  it('tiles the community with 8 grids: equal total area and every sample point in exactly one grid', () => {
    const total = c.grids.reduce((s, g) => s + polygonAreaM2(g.boundary), 0);
    const area = polygonAreaM2(c.community.boundary);
    expect(Math.abs(total - area) / area).toBeLessThan(1e-9);
    const lons = ring(c.community.boundary).map((p) => p[0] ?? 0);
    const lats = ring(c.community.boundary).map((p) => p[1] ?? 0);
    const [minLon, maxLon, minLat, maxLat] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ];
    const rng = createRng(1);
    for (let i = 0; i < 4000; i++) {
      const lon = minLon + (maxLon - minLon) * (i < 3000 ? rng.next() : 1.2 * rng.next() - 0.1);
      const lat = minLat + (maxLat - minLat) * (i < 3000 ? rng.next() : 1.2 * rng.next() - 0.1);
      const hits = c.grids.filter((g) => pointInPolygon(lon, lat, g.boundary) === 1).length;
      expect(hits).toBe(pointInPolygon(lon, lat, c.community.boundary) === 1 ? 1 : 0);
    }
  });

  it('codes and numbers grids west→east, then north→south', () => {
    const centre = (p: Polygon): [number, number] => {
      const pts = ring(p).slice(0, -1).map(toLocal);
      return [pts.reduce((s, q) => s + q[0], 0) / pts.length, pts.reduce((s, q) => s + q[1], 0) / pts.length];
    };
    c.grids.forEach((g, i) => {
      expect(g.seq).toBe(i + 1);
      expect(g.code).toBe(c.community.code + String(g.seq).padStart(2, '0'));
      expect(g.worker.username).toBe(`grid0${g.seq}`);
      expect(g.worker.phone).toMatch(/^1[3-9]\d{9}$/);
    });
    const rows = [c.grids.slice(0, 4), c.grids.slice(4)];
    for (const row of rows) {
      const xs = row.map((g) => centre(g.boundary)[0]);
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    }
    expect(centre(c.grids[0]!.boundary)[1]).toBeGreaterThan(centre(c.grids[4]!.boundary)[1]);
  });

  it('keeps every grid at 300–500 households and at most 2,500 people', () => {
    for (const g of c.grids) {
      const hh = c.households.filter((h) => gridOfHousehold(h.key) === g.seq).length;
      const people = c.residents.filter((r) => gridOfHousehold(r.householdKey) === g.seq).length;
      expect(hh).toBeGreaterThanOrEqual(300);
      expect(hh).toBeLessThanOrEqual(500);
      expect(people).toBeLessThanOrEqual(2500);
    }
  });

  it('puts every building inside its grid, and every compound inside its grids', () => {
    const grid = new Map(c.grids.map((g) => [g.seq, g.boundary]));
    for (const b of c.buildings) {
      for (const [lon, lat] of ring(b.footprint) as [number, number][]) {
        expect(pointInPolygon(lon, lat, grid.get(b.gridSeq)!)).toBeGreaterThanOrEqual(0);
      }
    }
    for (const cp of c.compounds) {
      expect(cp.gridSeqs).toContain(cp.gridSeq);
      if (cp.gridSeqs.length === 1) {
        for (const [lon, lat] of ring(cp.boundary) as [number, number][])
          expect(pointInPolygon(lon, lat, grid.get(cp.gridSeq)!)).toBeGreaterThanOrEqual(0);
      }
      for (const b of c.buildings.filter((x) => x.compoundKey === cp.key)) {
        expect(cp.gridSeqs).toContain(b.gridSeq);
        for (const [lon, lat] of ring(b.footprint) as [number, number][])
          expect(pointInPolygon(lon, lat, cp.boundary)).toBeGreaterThanOrEqual(0);
      }
    }
    expect(c.compounds.filter((x) => x.gridSeqs.length > 1).map((x) => x.name)).toEqual(['东湖小区']);
  });

  it('gives every resident a valid, unique ID number matching birth date and gender', () => {
    const seen = new Set<string>();
    for (const r of c.residents) {
      const v = validateIdNumber(r.idNumber, DEMO_REFERENCE_DATE);
      expect(v).toMatchObject({ ok: true, birthDate: r.birthDate, gender: r.gender, regionCode: '620702' });
      seen.add(r.idNumber);
    }
    expect(seen.size).toBe(c.residents.length);
  });

  it('has a connected walking network with shared vertices', () => {
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let p = parent.get(k) ?? k;
      while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
      parent.set(k, p);
      return p;
    };
    const union = (a: string, b: string): void => void parent.set(find(a), find(b));
    for (const road of c.roads) {
      const keys = road.line.coordinates.map((p) => `${p[0]},${p[1]}`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < keys.length; i++) {
        expect(keys[i]).not.toBe(keys[i - 1]); // no zero-length edges
        union(keys[i - 1]!, keys[i]!);
      }
    }
    const roots = new Set(
      [...new Set(c.roads.flatMap((r) => r.line.coordinates.map((p) => `${p[0]},${p[1]}`)))].map(find),
    );
    expect(roots.size).toBe(1);
    for (const h of ['tertiary', 'residential', 'footway', 'service', 'pedestrian', 'steps']) {
      expect(c.roads.some((r) => r.highway === h)).toBe(true);
    }
  });

  it('has a realistic age mix and households that make sense', () => {
    const ages = c.residents.map((r) => ageOn(r.birthDate, DEMO_REFERENCE_DATE));
    const elderly = ages.filter((a) => a >= 60).length / ages.length;
    const children = ages.filter((a) => a < 14).length / ages.length;
    expect(elderly).toBeGreaterThanOrEqual(0.18);
    expect(elderly).toBeLessThanOrEqual(0.2);
    expect(children).toBeGreaterThanOrEqual(0.09);
    expect(children).toBeLessThanOrEqual(0.11);
    const byHousehold = new Map<string, typeof c.residents>();
    for (const r of c.residents) byHousehold.set(r.householdKey, [...(byHousehold.get(r.householdKey) ?? []), r]);
    expect(byHousehold.size).toBe(3329);
    for (const members of byHousehold.values()) expect(members.filter((m) => m.relation === '户主')).toHaveLength(1);
    const alone = c.residents.filter((r) => r.tags.includes('独居老人'));
    expect(alone.length).toBeGreaterThan(100);
    for (const r of alone) expect(byHousehold.get(r.householdKey)).toHaveLength(1);
    const mobiles = c.residents.filter((r) => r.phone !== null && /^1[3-9]\d{9}$/.test(r.phone)).length;
    expect(mobiles / c.residents.length).toBeGreaterThan(0.8);
    const phones = c.residents.flatMap((r) => (r.phone ? [r.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('registers households with exact areas and art. 278 owner keys', () => {
    const rooms = new Set(c.households.map((h) => `${h.buildingKey}/${h.unit}/${h.room}`));
    expect(rooms.size).toBe(c.households.length);
    for (const h of c.households) {
      expect(Number.isInteger(h.areaCentiM2) && h.areaCentiM2 > 0).toBe(true);
      expect(buildingByKey.get(h.buildingKey)?.use).toBe('residential');
    }
    const perOwner = new Map<string, number>();
    for (const h of c.households) perOwner.set(h.ownerKey, (perOwner.get(h.ownerKey) ?? 0) + 1);
    expect(perOwner.get('developer')).toBeGreaterThan(1);
    expect([...perOwner].some(([k, n]) => k !== 'developer' && n > 1)).toBe(true);
  });

  it('leaves parts of the community more than 300 m from the day-care centre', () => {
    const dc = c.facilities.find((f) => f.category === 'elderly_day_care')!;
    const [dx, dy] = toLocal([dc.lon, dc.lat]);
    const far = c.buildings.filter((b) => {
      const [x, y] = toLocal(ring(b.footprint)[0]!);
      return b.use === 'residential' && Math.hypot(x - dx, y - dy) > 300;
    });
    expect(far.length).toBeGreaterThan(10);
    for (const f of c.facilities) expect(Object.keys(DEMO_FACILITY_CATEGORIES)).toContain(f.category);
    expect(c.facilities.some((f) => f.category === ('nursery' as string))).toBe(false); // deliberate gap: no 托儿所
    expect(c.freedSpaces.length).toBeGreaterThan(0);
  });
});

describe('demoAccounts', () => {
  it('covers every role with unique usernames', () => {
    const accounts = demoAccounts(c);
    expect(new Set(accounts.map((a) => a.username)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set([
        'resident',
        'grid_worker',
        'community_staff',
        'street_staff',
        'district_admin',
        'shop_staff',
        'auditor',
      ]),
    );
    expect(accounts.filter((a) => a.role === 'grid_worker').map((a) => a.username)).toEqual([
      'grid01',
      'grid02',
      'grid03',
      'grid04',
      'grid05',
      'grid06',
      'grid07',
      'grid08',
    ]);
    expect(accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
    const residentKeys = accounts.flatMap((a) =>
      typeof a.scope === 'object' && 'residentKey' in a.scope ? [a.scope.residentKey] : [],
    );
    const residents = residentKeys.map((k) => c.residents.find((r) => r.key === k));
    expect(residents[1]?.tags).toContain('独居老人');
  });
});
