/** A case's source is decided from who files it, never taken from the client (privacy/security item 11). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import type { Role } from '../../../shared/roles.ts';
import { decideSource } from './domain/source.ts';
import { SILU_GRID, SILU_POINT } from './testing/demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const REQUESTS = [undefined, 'resident', 'patrol', 'hotline', 'staff'] as const;

describe('decideSource', () => {
  it.each<[Role | null, boolean, (typeof REQUESTS)[number], boolean, string]>([
    ['resident', false, 'hotline', false, 'resident'],
    ['resident', false, 'staff', false, 'resident'],
    ['resident', false, 'patrol', true, 'resident'],
    [null, true, 'hotline', false, 'open311'],
    ['community_staff', true, 'hotline', false, 'open311'],
    ['grid_worker', false, undefined, false, 'staff'],
    ['grid_worker', false, 'patrol', false, 'patrol'],
    ['grid_worker', false, undefined, true, 'patrol'],
    ['community_staff', false, 'hotline', false, 'hotline'],
    ['community_staff', false, 'resident', false, 'staff'],
    ['shop_staff', false, 'hotline', false, 'staff'],
    ['auditor', false, 'patrol', false, 'staff'],
  ])('%s open311=%s asks %s patrol=%s → %s', (role, o311, asked, patrol, expected) =>
    expect(decideSource(role, o311, asked, patrol)).toBe(expected),
  );

  it('a resident never gets anything but resident, whatever they ask', () => {
    for (const asked of REQUESTS)
      for (const p of [false, true]) expect(decideSource('resident', false, asked, p)).toBe('resident');
  });
});

describe('POST /api/cases', () => {
  const file = async (s: Session, source: string) => {
    const r = await s.request('POST', '/api/cases', {
      categoryCode: 'X01',
      description: '下水管道堵塞，污水外溢',
      location: SILU_POINT,
      source,
    });
    expect(r.statusCode).toBe(201);
    const row = await t.handle.db
      .selectFrom('cases')
      .select('source')
      .where('id', '=', r.json().case.id)
      .executeTakeFirstOrThrow();
    return row.source;
  };

  it('stores a resident report as resident even when it claims hotline, staff or patrol', async () => {
    const resident = await login(t.app, 'resident_silu');
    for (const claim of ['hotline', 'staff', 'patrol']) expect(await file(resident, claim)).toBe('resident');
  });

  it('lets staff and grid workers record hotline and patrol reports', async () => {
    expect(await file(await login(t.app, 'dh_staff'), 'hotline')).toBe('hotline');
    expect(await file(await login(t.app, SILU_GRID.worker.username), 'patrol')).toBe('patrol');
  });
});
