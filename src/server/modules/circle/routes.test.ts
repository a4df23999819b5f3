import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';

const CODE = '620702004006';
let t: TestApp;
let staff: Session;

type Share = { households: number; people: number; elderly: number; children: number };
type Row = { category: string; profile: string; threshold: string; share: Share };

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => { await t.close(); });

describe('coverage on the demo community (its own roads)', () => {
  let body: { rows: Row[]; totals: Share; gaps: { category: string; status: string }[]; categories: { id: string; facilities: number }[]; farFacilities: unknown[]; homes: number; ms: number };
  beforeAll(async () => {
    const r = await staff.request('GET', `/api/circle/${CODE}/coverage`);
    expect(r.statusCode, r.body).toBe(200);
    body = r.json();
  });
  it('counts the registry population', () => {
    expect(body.totals.households).toBeGreaterThanOrEqual(3329);
    expect(body.totals.elderly).toBeGreaterThan(1000);
    expect(body.categories.filter((c) => c.facilities > 0).length).toBeGreaterThanOrEqual(17);
    expect(body.farFacilities).toEqual([]);
  });
  it('gives sane shares: monotone in minutes, elderly profile never above standard, the deliberate gaps show', () => {
    const get = (c: string, p: string, th: string) => body.rows.find((r) => r.category === c && r.profile === p && r.threshold === th)!.share;
    for (const c of ['elderly_day_care', 'wet_market', 'primary_school', 'kindergarten']) {
      expect(get(c, 'standard', 'min5').households).toBeLessThanOrEqual(get(c, 'standard', 'min10').households);
      expect(get(c, 'standard', 'min10').households).toBeLessThanOrEqual(get(c, 'standard', 'min15').households);
      for (const th of ['min5', 'min10', 'min15', 'gb']) expect(get(c, 'elderly', th).elderly).toBeLessThanOrEqual(get(c, 'standard', th).elderly + 1e-9);
    }
    const dc = get('elderly_day_care', 'elderly', 'gb').elderly;
    expect(dc).toBeGreaterThan(0.05);
    expect(dc).toBeLessThan(0.8);
    expect(get('elderly_day_care', 'standard', 'min15').households).toBeGreaterThan(0.9);
    expect(get('nursery', 'standard', 'min15').households).toBe(0);
    expect(body.gaps.find((g) => g.category === 'nursery')?.status).toBe('absent');
    expect(body.gaps.find((g) => g.category === 'elderly_day_care')?.status).toBe('partial');
  });
});
