/** Registry and audit lists page with a cursor to the end: every row once, as many as the total says. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { generateDemoCommunity } from './demo/generate.ts';

const C = generateDemoCommunity().community.code;
let t: TestApp;
let staff: Session, auditor: Session;

beforeAll(async () => {
  t = await testApp();
  [staff, auditor] = await Promise.all([login(t.app, 'dh_staff'), login(t.app, 'auditor')]);
});
afterAll(async () => {
  await t.close();
});

async function walk(s: Session, url: string, pageSize: number) {
  const ids: (string | number)[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const c = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const r = await s.request('GET', `${url}&pageSize=${pageSize}${c}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { items: { id: string | number }[]; nextCursor: string | null; total: number };
    expect(body.items.length).toBeLessThanOrEqual(pageSize);
    ids.push(...body.items.map((i) => i.id));
    totals.add(body.total);
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 500);
  return { ids, totals: [...totals], pages };
}

describe('cursor paging', () => {
  it('walks every resident of the community', async () => {
    const { ids, totals, pages } = await walk(staff, `/api/residents?code=${C}`, 200);
    expect(totals).toHaveLength(1);
    expect(totals[0]).toBeGreaterThan(6000);
    expect(ids).toHaveLength(totals[0]!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(ids.length / 200));
  }, 60_000);

  it('walks every household, rooms of one building in order', async () => {
    const { ids, totals } = await walk(staff, `/api/households?code=${C}`, 150);
    expect(ids).toHaveLength(totals[0]!);
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);

  it('walks the audit log newest first; a bad cursor is a 400, never a 5xx', async () => {
    const one = (await staff.request('GET', `/api/residents?code=${C}&pageSize=1`)).json().items[0];
    for (let v = one.version; v < one.version + 7; v++) {
      const p = await staff.request('PATCH', `/api/residents/${one.id}`, { version: v, tags: [`标签${v}`] });
      expect(p.statusCode).toBe(200);
    }
    const { ids, totals, pages } = await walk(auditor, '/api/audit?lang=en', 3);
    expect(pages).toBeGreaterThan(1);
    expect(ids).toHaveLength(totals[0]!);
    expect([...ids].sort((a, b) => Number(b) - Number(a))).toEqual(ids);
    for (const bad of ['x', 'WyJhIl0', 'WzEsMl0', Buffer.from('["1e99"]').toString('base64url')]) {
      const r = await auditor.request('GET', `/api/audit?cursor=${bad}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('BAD_CURSOR');
    }
    const notUuid = Buffer.from('["张三","not-a-uuid"]').toString('base64url');
    const r = await staff.request('GET', `/api/residents?cursor=${notUuid}`);
    expect(r.json().error.code).toBe('BAD_CURSOR');
  });
});
